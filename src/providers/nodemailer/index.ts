import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { NodemailerNotificationService } from "./service"

export default ModuleProvider(Modules.NOTIFICATION, {
  services: [NodemailerNotificationService],
})

export type { NodemailerOptions } from "./options"
export { NodemailerNotificationService }
