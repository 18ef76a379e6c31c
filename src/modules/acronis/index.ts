import { Module } from "@medusajs/framework/utils"
import connectAcronisLoader from "./loaders/connect-acronis"
import validateOptionsLoader from "./loaders/validate-options"
import AcronisModuleService from "./service"

export const ACRONIS_MODULE = "acronis"

export default Module(ACRONIS_MODULE, {
  service: AcronisModuleService,
  loaders: [validateOptionsLoader, connectAcronisLoader],
})

export type { AcronisPluginOptions, AcronisOptions } from "./options"
export { AcronisModuleService }
