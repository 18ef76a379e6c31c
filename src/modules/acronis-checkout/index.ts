import { Module } from "@medusajs/framework/utils"
import AcronisCheckoutModuleService from "./service"

export const ACRONIS_CHECKOUT_MODULE = "acronis_checkout"

export default Module(ACRONIS_CHECKOUT_MODULE, {
  service: AcronisCheckoutModuleService,
})

export { AcronisCheckoutModuleService }
