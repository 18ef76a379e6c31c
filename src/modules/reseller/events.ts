/**
 * The reseller module's internal events. Public, e-mailed events (e.g. `acronis.sub_account.activated`)
 * live in `AcronisEvents` (src/modules/acronis/events.ts).
 */
export const ResellerEvents = {
  /** A sub-account was saved as `pending`; the `provision-sub-account` subscriber creates its Acronis tenant. */
  SUB_ACCOUNT_CREATED: "reseller.sub_account.created",
} as const

export type SubAccountCreatedPayload = { id: string; reseller_id: string }
