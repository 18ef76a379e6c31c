/**
 * Internal events of provisioning (not e-mailed; the public, e-mailed ones are `AcronisEvents`).
 * `REQUESTED` asks the `acronis-provisioning-requested` subscriber to run provisioning for one subscription,
 * so admin routes and the order subscriber answer at once and the run happens where subscribers run
 * (the worker, in a split deployment).
 */
export const AcronisProvisioningEvents = {
  REQUESTED: "acronis.provisioning.requested",
} as const

export type ProvisioningRequestedPayload = {
  subscription_id: string
  trigger: "order_placed" | "execute" | "retry"
}
