import { Module } from "@medusajs/framework/utils"
import AcronisBillingModuleService from "./service"

export const ACRONIS_BILLING_MODULE = "acronis_billing"

export default Module(ACRONIS_BILLING_MODULE, {
  service: AcronisBillingModuleService,
})

export { AcronisBillingModuleService }
