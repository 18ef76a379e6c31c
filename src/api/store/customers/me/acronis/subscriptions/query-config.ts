/** What a customer sees of its own subscriptions: no internal ids of other systems, no errors. */
export const storeSubscriptionFields = [
  "id", "type", "status", "order_id", "service_name", "login", "email", "protection_licensing_model",
  "file_sync_share_licensing_model", "billing_cycle", "commitment", "manage_url", "activated_at", "created_at",
]
