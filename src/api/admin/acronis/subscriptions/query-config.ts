export const subscriptionFields = [
  "id", "type", "status", "execution", "customer_id", "sub_account_id", "reseller_id", "order_id", "line_item_id", "offer_id",
  "service_name", "tenant_kind", "tenant_id", "parent_tenant_id", "user_id", "login", "email", "protection_licensing_model",
  "file_sync_share_licensing_model", "editions", "billing_cycle", "commitment", "pricing_mode", "manage_url", "last_error",
  "attempts", "activated_at", "service_spans", "next_change_on", "suspended_at", "terminate_after", "deletion_warned_at", "terminated_at", "cancelled_at",
  "created_at", "updated_at",
]

const logFields = ["id", "attempt", "step", "outcome", "acronis_status", "acronis_code", "message", "at"]

export const subscriptionDetailFields = [...subscriptionFields, "metadata", ...logFields.map((field) => `provisioning_logs.${field}`)]
