export const resellerFields = [
  "id", "name", "status", "acronis_tenant_id", "created_at", "updated_at",
  "customers.id", "customers.email", "customers.first_name", "customers.last_name",
]

/** The list shows how many sub-accounts each has and which wait or failed, so it reads their states only. */
export const resellerListFields = [...resellerFields, "sub_accounts.id", "sub_accounts.status", "sub_accounts.provisioning_error"]

/** `GET /admin/acronis/resellers`: `req.queryConfig` from these defaults and the request's `fields`, `order`, page. */
export const listResellersQueryConfig = { defaults: resellerListFields, isList: true }

const subAccountFields = [
  "id", "kind", "name", "email", "phone", "address_1", "address_2", "city", "province", "postal_code", "country_code",
  "notification_customer_id", "status", "account_number", "acronis_tenant_id", "activated_at", "provisioning_error", "created_at",
]
const userFields = ["id", "email", "first_name", "last_name", "language", "time_zone", "status", "acronis_user_id", "created_at"]

export const resellerDetailFields = [
  ...resellerFields,
  ...subAccountFields.map((field) => `sub_accounts.${field}`),
  ...userFields.map((field) => `sub_accounts.users.${field}`),
]
