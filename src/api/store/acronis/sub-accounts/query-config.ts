export const subAccountFields = [
  "id", "kind", "name", "email", "phone", "address_1", "address_2", "city", "province", "postal_code", "country_code",
  "notification_customer_id", "status", "account_number", "activated_at", "provisioning_error", "created_at", "updated_at",
]

export const subAccountUserFields = ["id", "email", "first_name", "last_name", "language", "time_zone", "status", "created_at"]

export const subAccountDetailFields = [...subAccountFields, ...subAccountUserFields.map((field) => `users.${field}`)]

export { presentSubAccount } from "../../../../modules/reseller/account-number"
