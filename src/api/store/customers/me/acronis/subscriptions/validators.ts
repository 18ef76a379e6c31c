// The customer changes its own subscription with the same body as staff: one schema for both.
export { AcronisSubscriptionChange as StoreAcronisSubscriptionChange } from "../../../../../admin/acronis/subscriptions/validators"
export type { AcronisSubscriptionChangeType as StoreAcronisSubscriptionChangeType } from "../../../../../admin/acronis/subscriptions/validators"
