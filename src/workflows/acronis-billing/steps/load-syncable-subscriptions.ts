import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"

export type SyncableSubscription = {
  id: string
  tenant_id: string
  email: string
  service_name: string
  manage_url: string | null
  activated_at: string | null
  /** The offer gives a free first month (postponed billing). */
  postponed_billing: boolean
  /**
   * Acronis's pricing mode of the tenant as we set it (trial until we switch it to production): the usage API
   * does not say whether usage is trial or production, so the snapshot records it from here.
   */
  pricing_mode: "trial" | "production"
}

export const loadSyncableSubscriptionsStepId = "load-syncable-subscriptions"

/**
 * The subscriptions whose usage is synced: those with a tenant that are active or suspended (Acronis still
 * bills what a disabled tenant stores). `subscription_ids` narrows the set (a job's page, a test).
 */
export const loadSyncableSubscriptionsStep = createStep(
  loadSyncableSubscriptionsStepId,
  async (input: { subscription_ids?: string[] }, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const subscriptions = await acronis.listAcronisSubscriptions(
      { status: ["active", "suspended"], ...(input.subscription_ids && { id: input.subscription_ids }) },
      { take: null }
    )
    const withTenant = subscriptions.filter((s) => s.tenant_id)
    const offerIds = [...new Set(withTenant.map((s) => s.offer_id))]
    const offers = offerIds.length ? await acronis.listAcronisOffers({ id: offerIds }, { take: null }) : []
    const postponed = new Set(
      offers.filter((o) => o.type === "plan" && (o.plan as { postponed_billing?: boolean } | null)?.postponed_billing).map((o) => o.id)
    )
    return new StepResponse<SyncableSubscription[]>(
      withTenant.map((s) => ({
        id: s.id,
        tenant_id: s.tenant_id as string,
        email: s.email,
        service_name: s.service_name,
        manage_url: s.manage_url ?? null,
        activated_at: s.activated_at ? new Date(s.activated_at).toISOString() : null,
        postponed_billing: postponed.has(s.offer_id),
        pricing_mode: s.pricing_mode === "trial" ? "trial" : "production",
      }))
    )
  }
)
