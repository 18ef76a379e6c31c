export { Reseller } from "./reseller"
export { SubAccount } from "./sub-account"
export { SubAccountUser } from "./sub-account-user"
