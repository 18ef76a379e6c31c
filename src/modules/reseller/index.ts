import { Module } from "@medusajs/framework/utils"
import ResellerModuleService from "./service"

export const RESELLER_MODULE = "reseller"

export default Module(RESELLER_MODULE, {
  service: ResellerModuleService,
})

export { ResellerModuleService }
export type SubAccountKind = "end_customer" | "sub_division"
export type SubAccountStatus = "pending" | "active" | "disabled"
/** What a sub-account's account number reads until its Acronis tenant exists (seed 003). */
export const PENDING_ACCOUNT_NUMBER = "PENDING"
