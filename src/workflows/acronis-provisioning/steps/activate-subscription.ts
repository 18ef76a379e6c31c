import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { assertTransition } from "../../../modules/acronis/domain/subscription-status"
import { writeProvisioningLog } from "./provisioning-log"

export type ActivateSubscriptionInput = {
  subscription_id: string
  attempt: number
  order_id: string
  tenant_id: string
  editions: string[]
  pricing_mode: "trial" | "production"
  /** Contracts: what `apply-contract-tier` did. */
  tier?: { tier: number; tier_level_value: number | null; tier_applied: boolean; tier_note: string | null } | null
}

export type ActivateSubscriptionOutput = {
  id: string
  status: "active" | "suspended"
  manage_url: string
}

export const activateSubscriptionStepId = "activate-subscription"

/**
 * Makes the subscription `active` with its "Manage your service" URL (the Acronis portal's sign-in page),
 * editions, pricing mode and, for contracts, the tier. If the order was cancelled while the run was under
 * way, the tenant is disabled instead and the subscription `suspended` (the cancel handler leaves running
 * provisioning to this step). Activation opens the service span billing reads; a suspension here has never
 * served a day, so it bills none. Not compensated: it is the last step before the event.
 */
export const activateSubscriptionStep = createStep(
  activateSubscriptionStepId,
  async (input: ActivateSubscriptionInput, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const { portal_login_url } = await acronis.getProvisioningSettings()
    const subscription = await acronis.retrieveAcronisSubscription(input.subscription_id)
    const { data: [order] } = await container
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "order", fields: ["id", "status"], filters: { id: input.order_id } })

    const cancelled = order?.status === "canceled"
    const status = cancelled ? "suspended" : "active"
    assertTransition(subscription.id, subscription.status, status)
    if (cancelled) await acronis.getAcronisClient().tenants.disable(input.tenant_id)

    const now = new Date()
    await acronis.updateAcronisSubscriptions({
      id: subscription.id,
      manage_url: portal_login_url,
      editions: input.editions,
      pricing_mode: input.pricing_mode,
      last_error: null,
      ...(input.tier && { commitment: { ...(subscription.commitment as Record<string, unknown> | null), ...input.tier } }),
      ...(cancelled
        ? await acronis.suspensionFields(subscription, now)
        : { status, activated_at: subscription.activated_at ?? now, service_spans: acronis.activationSpans(subscription, now) }),
    })
    await writeProvisioningLog(container, {
      subscription_id: subscription.id,
      attempt: input.attempt,
      step: activateSubscriptionStepId,
      outcome: cancelled ? "suspended" : "done",
      message: cancelled ? "order cancelled during provisioning: tenant disabled" : "subscription active",
    })
    return new StepResponse<ActivateSubscriptionOutput>({ id: subscription.id, status, manage_url: portal_login_url })
  }
)
