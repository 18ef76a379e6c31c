import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { WorkflowData, WorkflowResponse, createHook, createWorkflow, parallelize, transform, when } from "@medusajs/framework/workflows-sdk"
import { AcronisEvents, type SubscriptionActivatedPayload } from "../../modules/acronis/events"
import { createAcronisUsersStep } from "../acronis/steps/create-acronis-users"
import { findOrCreateTenantStep } from "../acronis/steps/find-or-create-tenant"
import { sendActivationEmailsStep } from "../acronis/steps/send-activation-emails"
import { recordActivationEmailRequestStep } from "./steps/record-activation-email-request"
import { setResellerTenantStep } from "../reseller/steps/set-reseller-tenant"
import { activateSubscriptionStep } from "./steps/activate-subscription"
import { applyContractTierStep } from "./steps/apply-contract-tier"
import { configureTenantOfferingItemsStep } from "./steps/configure-tenant-offering-items"
import { prepareProvisioningPlanStep } from "./steps/prepare-provisioning-plan"
import { recordSubscriptionTenantStep } from "./steps/record-subscription-tenant"
import { recordSubscriptionUserStep } from "./steps/record-subscription-user"
import { setTenantPricingModeStep } from "./steps/set-tenant-pricing-mode"
import { takeOverTenantStep } from "./steps/take-over-tenant"

export type ProvisionAcronisSubscriptionInput = {
  subscription_id: string
  /** The run number the claim gave (`subscription.attempts`), for the provisioning log. */
  attempt: number
}

export const provisionAcronisSubscriptionWorkflowId = "provision-acronis-subscription"

/** One transaction id per order line: every run for the line (first, re-delivered, retried) carries it. */
export const provisionAcronisSubscriptionTransactionId = (lineItemId: string) => `acronis-provision-${lineItemId}`

/**
 * Provisions one claimed subscription (status `provisioning`, see `claimAcronisSubscriptionWorkflow`):
 *
 * 1. plans the run from the subscription, order, customer, offer, sub-account and reseller;
 * 2. under a lock on whoever owns the tenant (the reseller, or the customer) — so a sub-account's own
 *    provisioning or a second order cannot make a second tenant — for a sub-account's order finds or creates
 *    the reseller's partner tenant, stores it on the reseller and gives it both billing modes of every service;
 * 3. finds or creates the tenant (`customer` for pay per use and plans, `partner` for contracts) by our
 *    reference under its parent, and **stores its id on the subscription before anything else** (hook
 *    `tenantCreated`); a contract's partner tenant is stored on the reseller too;
 * 4. still under the lock, takes the tenant over (`takeOverTenantStep`): earlier `suspended` subscriptions of
 *    it — a re-order after a cancellation finds the old, disabled tenant — become `terminated`, so their
 *    grace period never deletes it, and then the tenant is enabled again;
 * 5. at once: turns on the services and offering items of the chosen editions (+ Physical Data Shipping,
 *    Notary), and on a customer tenant turns off the items of every other edition (one edition per service);
 *    sets the pricing mode to production (a trial offer stays in trial); creates the admin user
 *    (`company_admin` / `partner_admin`) with the checkout's login and e-mail; then, for contracts, the tier;
 * 6. has Acronis send the user's activation e-mail — once per user: a later run skips the users the
 *    subscription records as e-mailed; stores the user id and that record;
 * 7. makes the subscription `active` with the "Manage your service" URL and its service span open, emits
 *    `acronis.subscription.activated` (our e-mail with the login: to the customer, or to whoever a plan's
 *    order form names) and runs the `subscriptionActivated` hook.
 *
 * Every step converges: run again, it reads what is stored or finds what exists (tenant by name and our
 * reference under the parent, user by login in the tenant) and goes on. Nothing made in Acronis is compensated —
 * tenants, items, users are kept for the next run (see each step) — so a failure never loses a tenant or
 * deletes a user whose activation e-mail went out. `runAcronisProvisioning` retries failed runs.
 */
export const provisionAcronisSubscriptionWorkflow = createWorkflow(
  provisionAcronisSubscriptionWorkflowId,
  (input: WorkflowData<ProvisionAcronisSubscriptionInput>) => {
    const plan = prepareProvisioningPlanStep(input)
    const lockKey = transform({ plan }, ({ plan }) => plan.lock_key)
    // The lock outlives a killed worker (Redis) only as long as a run may go without a heartbeat, so recovery
    // is not kept waiting after the run is taken for dead; the database claim decides ownership anyway.
    acquireLockStep({ key: lockKey, timeout: 60, ttl: 120 })

    const resellerTenant = when("reseller-parent-tenant", { plan }, ({ plan }) => !!plan.reseller_parent).then(() => {
      const partnerInput = transform({ plan }, ({ plan }) => ({
        kind: "partner" as const,
        name: plan.reseller_parent!.name,
        reference_id: plan.reseller_parent!.reseller_id,
        existing_tenant_id: plan.reseller_parent!.existing_tenant_id,
      }))
      const partner = findOrCreateTenantStep(partnerInput).config({ name: "find-or-create-reseller-tenant" })
      const stored = transform({ plan, partner }, ({ plan, partner }) => ({
        reseller_id: plan.reseller_parent!.reseller_id,
        acronis_tenant_id: partner.tenant_id,
      }))
      setResellerTenantStep(stored).config({ name: "store-reseller-tenant" })
      const partnerItems = transform({ plan, partner }, ({ plan, partner }) => ({
        tenant_id: partner.tenant_id,
        parent_tenant_id: partner.parent_id ?? plan.root_tenant_id,
        tenant_kind: "partner" as const,
        services: plan.services,
        editions: plan.partner_editions,
        log: { subscription_id: plan.subscription_id, attempt: plan.attempt, step: "configure-reseller-tenant-offering-items" },
      }))
      configureTenantOfferingItemsStep(partnerItems).config({ name: "configure-reseller-tenant-offering-items" })
      return partner
    })

    const tenantInput = transform({ plan, resellerTenant }, ({ plan, resellerTenant }) => ({
      parent_tenant_id: resellerTenant?.tenant_id ?? plan.parent_tenant_id,
      kind: plan.tenant.kind,
      name: plan.tenant.name,
      reference_id: plan.tenant.reference_id,
      existing_tenant_id: plan.tenant.existing_tenant_id,
      contact: plan.tenant.contact,
      language: plan.tenant.language,
    }))
    const foundTenant = findOrCreateTenantStep(tenantInput).config({ name: "find-or-create-subscription-tenant" })
    const tenant = recordSubscriptionTenantStep(
      transform({ plan, foundTenant }, ({ plan, foundTenant }) => ({
        subscription_id: plan.subscription_id,
        attempt: plan.attempt,
        tenant: foundTenant,
      }))
    )
    when("contract-reseller-tenant", { plan }, ({ plan }) => !!plan.store_on_reseller_id).then(() => {
      const stored = transform({ plan, tenant }, ({ plan, tenant }) => ({
        reseller_id: plan.store_on_reseller_id!,
        acronis_tenant_id: tenant.tenant_id,
      }))
      setResellerTenantStep(stored).config({ name: "store-contract-reseller-tenant" })
    })
    const takenOver = takeOverTenantStep(
      transform({ plan, tenant }, ({ plan, tenant }) => ({
        subscription_id: plan.subscription_id,
        attempt: plan.attempt,
        tenant_id: tenant.tenant_id,
        just_created: tenant.outcome === "created",
      }))
    )
    releaseLockStep({ key: lockKey })

    const tenantCreated = createHook("tenantCreated", {
      subscription_id: input.subscription_id,
      tenant_id: tenant.tenant_id,
      parent_tenant_id: tenant.parent_id,
      kind: tenant.kind,
      outcome: tenant.outcome,
    })

    // Items, pricing and the admin user do not depend on each other: they run at once, and the activation
    // e-mail goes out only once all three succeeded.
    const [, , users] = parallelize(
      configureTenantOfferingItemsStep(
        transform({ plan, tenant, takenOver }, ({ plan, tenant, takenOver }) => ({
          tenant_id: tenant.tenant_id,
          parent_tenant_id: tenant.parent_id!,
          tenant_kind: plan.tenant.kind,
          services: plan.services,
          editions: plan.editions,
          keep_editions: takenOver.editions_in_use,
          quotas: plan.quotas,
          storage_infra_id: plan.storage_infra_id,
          log: { subscription_id: plan.subscription_id, attempt: plan.attempt, step: "configure-tenant-offering-items" },
        }))
      ),
      setTenantPricingModeStep(
        transform({ plan, tenant }, ({ plan, tenant }) => ({
          subscription_id: plan.subscription_id,
          attempt: plan.attempt,
          tenant_id: tenant.tenant_id,
          mode: plan.pricing_mode,
        }))
      ),
      createAcronisUsersStep(
        transform({ plan, tenant }, ({ plan, tenant }) => {
          const { role, ...user } = plan.user
          return {
            tenant_id: tenant.tenant_id,
            users: [user],
            role_ids: [role],
            send_activation_email: false,
            // Keep the user when a later step fails: the next run finds it by login and sends no second e-mail.
            delete_on_compensation: false,
          }
        })
      ).config({ name: "create-subscription-admin-user" })
    )
    const tier = when("contract-tier", { plan }, ({ plan }) => plan.contract_tier !== null).then(() =>
      applyContractTierStep(
        transform({ plan, tenant }, ({ plan, tenant }) => ({
          subscription_id: plan.subscription_id,
          attempt: plan.attempt,
          tenant_id: tenant.tenant_id,
          tier: plan.contract_tier!,
        }))
      )
    )

    recordActivationEmailRequestStep(
      transform({ plan, users }, ({ plan, users }) => ({ subscription_id: plan.subscription_id, users, activation_email_sent_to: plan.activation_email_sent_to }))
    )
    const emailed = sendActivationEmailsStep(
      transform({ plan, users }, ({ plan, users }) => ({
        users,
        activation_email_sent_to: plan.activation_email_sent_to,
        activation_email_requested_for: plan.activation_email_requested_for,
      }))
    ).config({ name: "send-subscription-activation-email" })
    recordSubscriptionUserStep(
      transform({ plan, emailed }, ({ plan, emailed }) => ({ subscription_id: plan.subscription_id, attempt: plan.attempt, user: emailed[0] }))
    )

    const activated = activateSubscriptionStep(
      transform({ plan, tenant, tier }, ({ plan, tenant, tier }) => ({
        subscription_id: plan.subscription_id,
        attempt: plan.attempt,
        order_id: plan.order.id,
        tenant_id: tenant.tenant_id,
        editions: plan.editions,
        pricing_mode: plan.pricing_mode,
        tier: tier ?? null,
      }))
    )
    const payload = transform({ plan, activated }, ({ plan, activated }): SubscriptionActivatedPayload | null =>
      activated.status !== "active"
        ? null
        : {
            id: plan.subscription_id,
            order_display_id: plan.order.display_id,
            email: plan.customer.email,
            recipients: plan.credentials_to,
            customer_name: plan.customer.name,
            service_name: plan.service_name,
            service_login: plan.user.login,
            service_login_email: plan.user.email !== plan.customer.email ? plan.user.email : null,
            manage_url: activated.manage_url,
          }
    )
    emitEventStep({ eventName: AcronisEvents.SUBSCRIPTION_ACTIVATED, data: payload })

    const subscriptionActivated = createHook("subscriptionActivated", {
      subscription_id: input.subscription_id,
      status: activated.status,
      tenant_id: tenant.tenant_id,
      manage_url: activated.manage_url,
    })
    return new WorkflowResponse(activated, { hooks: [tenantCreated, subscriptionActivated] })
  }
)
