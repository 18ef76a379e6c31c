import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { ContactInput } from "../../../lib/acronis"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { ACRONIS_SERVICES, mappedEditions, type AcronisService } from "../../../modules/acronis/domain/licensing"
import { hasFreeFirstMonth } from "../../../modules/acronis/domain/free-month"
import { credentialRecipients, orderPlacer, planTenantIdentity } from "../../../modules/acronis/domain/credential-recipients"
import { chosenPlanTerms, normalizePlanTerms, type PlanOrder } from "../../../modules/acronis/domain/plan-terms"
import { editionsForSubscription } from "../../../modules/acronis/domain/tenant-offering"
import { requestedActivationEmailsOf } from "./record-activation-email-request"
import { activationEmailsOf } from "./record-subscription-user"

export type ProvisioningPlan = {
  subscription_id: string
  attempt: number
  type: "ppu" | "contract" | "plan"
  order: { id: string; display_id: string | number; status: string }
  /** Serializes every run that may create the same tenant (a reseller's tenants; one customer's tenant). */
  lock_key: string
  root_tenant_id: string
  /** Set for a sub-account's order: the reseller whose partner tenant is found or created as the parent. */
  reseller_parent: { reseller_id: string; name: string; existing_tenant_id: string | null } | null
  /** The parent when `reseller_parent` is null: the offer's override or the MSP's root. */
  parent_tenant_id: string
  tenant: {
    kind: "customer" | "partner"
    name: string
    reference_id: string
    existing_tenant_id: string | null
    contact?: ContactInput
    language?: string
  }
  /** A contract bought by a reseller: its partner tenant is the reseller's, stored on the reseller too. */
  store_on_reseller_id: string | null
  services: AcronisService[]
  editions: string[]
  /** What a reseller's partner tenant gets: every edition the merchant's mapping sells, for its customers to pick. */
  partner_editions: string[]
  quotas: Record<string, { value: number | null; overage: number | null }>
  /** A plan's chosen data location: the backup storage its tenant uses, for good. */
  storage_infra_id: string | null
  pricing_mode: "trial" | "production"
  contract_tier: number | null
  user: { email: string; login: string; first_name: string; last_name: string; language?: string; reference_id: string; role: string }
  /** Acronis users an earlier run of this subscription had sent the activation e-mail: never sent twice. */
  activation_email_sent_to: string[]
  /** Users an earlier run was asking Acronis to e-mail when it died, with no outcome recorded. */
  activation_email_requested_for: string[]
  customer: { email: string; name: string | null }
  /**
   * Who gets the "service ready" e-mail (login, "Manage your service"): for a plan ordered with its form,
   * whoever its `send_credentials_to` names; null for the customer's e-mail alone.
   */
  credentials_to: string[] | null
  service_name: string
}

export const prepareProvisioningPlanStepId = "prepare-provisioning-plan"

const refuse = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * Reads everything a run needs — the subscription, its order, customer, offer, sub-account and reseller, the
 * MSP's root tenant — and decides what to make in Acronis: under which parent, which tenant (kind, name, our
 * reference), which editions and quotas, which admin user. Reading only, so nothing to compensate. Refuses
 * (for a person to fix) an order whose licensing models are missing or a sub-account not the customer's.
 */
export const prepareProvisioningPlanStep = createStep(
  prepareProvisioningPlanStepId,
  async (input: { subscription_id: string; attempt: number }, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const subscription = await acronis.retrieveAcronisSubscription(input.subscription_id)
    const offer = await acronis.retrieveAcronisOffer(subscription.offer_id)

    const { data: [order] } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "status", "email", "metadata"],
      filters: { id: subscription.order_id },
    })
    const { data: [customer] } = subscription.customer_id
      ? await query.graph({
          entity: "customer",
          fields: ["id", "email", "first_name", "last_name", "company_name", "phone", "metadata", "reseller.id", "reseller.name", "reseller.acronis_tenant_id"],
          filters: { id: subscription.customer_id },
        })
      : { data: [] as any[] }
    if (!customer) throw refuse(`Subscription ${subscription.id} has no customer; Acronis needs one to create the tenant.`)
    const reseller = customer.reseller as { id: string; name: string; acronis_tenant_id: string | null } | null

    const rootTenantId = await acronis.getRootTenantId()
    const fullName = [customer.first_name, customer.last_name].filter(Boolean).join(" ")
    const language = typeof customer.metadata?.language === "string" ? (customer.metadata.language as string) : undefined
    const contact: ContactInput = {
      email: subscription.email,
      firstname: customer.first_name ?? null,
      lastname: customer.last_name ?? null,
      phone: customer.phone ?? null,
    }

    // A plan's order form: who the tenant is for, its package, data location, free month, who gets the login.
    const planOrder = offer.type === "plan" ? ((subscription.metadata?.plan_order ?? null) as PlanOrder | null) : null

    let tenant: ProvisioningPlan["tenant"]
    let resellerParent: ProvisioningPlan["reseller_parent"] = null
    let storeOnResellerId: string | null = null
    let lockKey: string
    if (subscription.sub_account_id) {
      const { data: [subAccount] } = await query.graph({
        entity: "reseller_sub_account",
        fields: ["id", "name", "email", "status", "acronis_tenant_id", "reseller.id"],
        filters: { id: subscription.sub_account_id },
      })
      if (!subAccount || !reseller || (subAccount as any).reseller?.id !== reseller.id) {
        throw refuse(`Sub-account ${subscription.sub_account_id} of order ${order.id} is not one of the customer's reseller's sub-accounts.`)
      }
      resellerParent = { reseller_id: reseller.id, name: reseller.name, existing_tenant_id: reseller.acronis_tenant_id }
      // Same reference as the reseller module's provisioning, so both find the one tenant of the sub-account.
      tenant = {
        kind: "customer",
        name: subAccount.name,
        reference_id: subAccount.id,
        existing_tenant_id: subscription.tenant_id ?? subAccount.acronis_tenant_id ?? null,
        contact: { ...contact, email: subAccount.email },
        language,
      }
      lockKey = `acronis-reseller-tenant:${reseller.id}`
    } else if (subscription.tenant_kind === "partner" && reseller) {
      tenant = {
        kind: "partner",
        name: reseller.name,
        reference_id: reseller.id,
        existing_tenant_id: subscription.tenant_id ?? reseller.acronis_tenant_id ?? null,
        contact,
        language,
      }
      storeOnResellerId = reseller.id
      lockKey = `acronis-reseller-tenant:${reseller.id}`
    } else {
      // A direct customer has one tenant, whatever it buys: the customer id is the reference. A plan's form
      // says whom it is for: a new tenant takes the form's company and contact person.
      const identity = planOrder ? planTenantIdentity(planOrder) : null
      tenant = {
        kind: subscription.tenant_kind,
        name: identity?.name || customer.company_name || fullName || subscription.email,
        reference_id: customer.id,
        existing_tenant_id: subscription.tenant_id ?? null,
        contact: identity?.contact ?? contact,
        language,
      }
      lockKey = `acronis-customer-tenant:${customer.id}`
    }

    const services = ((offer.services as AcronisService[] | null)?.length ? offer.services : [...ACRONIS_SERVICES]) as AcronisService[]
    const editionMapping = acronis.getEditionMapping()
    const partnerEditions = mappedEditions(editionMapping)
    let editions: string[]
    if (tenant.kind === "partner" && !subscription.protection_licensing_model && !subscription.file_sync_share_licensing_model) {
      editions = partnerEditions
    } else {
      const perService = editionsForSubscription(
        offer as any,
        {
          protection_licensing_model: subscription.protection_licensing_model as any,
          file_sync_share_licensing_model: subscription.file_sync_share_licensing_model as any,
        },
        editionMapping
      )
      if (services.includes("protection") && perService.protection.length !== 1) {
        throw refuse(`Order line ${subscription.line_item_id}: choose one Protection licensing model (item metadata acronis.protection_licensing_model).`)
      }
      if (services.includes("file_sync_share") && perService.file_sync_share.length !== 1) {
        throw refuse(`Order line ${subscription.line_item_id}: choose one File Sync & Share licensing model (item metadata acronis.file_sync_share_licensing_model).`)
      }
      editions = [...perService.protection, ...perService.file_sync_share]
    }

    const quotas =
      offer.type === "ppu"
        ? {}
        : Object.fromEntries(
            ((offer.offering_items ?? []) as unknown as { name: string; quota: { value: number | null; overage: number | null } | null }[])
              .filter((item) => item.quota)
              .map((item) => [item.name, item.quota!])
          )

    // The form's package quotas go over the offer's.
    const chosen = planOrder ? chosenPlanTerms(normalizePlanTerms(offer.plan), planOrder) : null
    if (chosen) Object.assign(quotas, chosen.packages[0].quotas)
    const freeMonth = chosen ? chosen.postponed_billing : hasFreeFirstMonth(offer)

    const plan: ProvisioningPlan = {
      subscription_id: subscription.id,
      attempt: input.attempt,
      type: subscription.type,
      order: { id: order.id, display_id: order.display_id ?? order.id, status: order.status },
      lock_key: lockKey,
      root_tenant_id: rootTenantId,
      reseller_parent: resellerParent,
      parent_tenant_id: offer.parent_tenant_id ?? rootTenantId,
      tenant,
      store_on_reseller_id: storeOnResellerId,
      services,
      editions,
      partner_editions: partnerEditions,
      quotas,
      storage_infra_id: planOrder?.deployment === "cloud" ? planOrder.data_location : null,
      // A first-month-free plan stays in trial (not billed by Acronis) until `endAcronisFreeMonthsWorkflow`.
      pricing_mode: freeMonth ? "trial" : offer.pricing_mode,
      contract_tier: offer.type === "contract" ? offer.contract_tier : null,
      user: {
        email: subscription.email,
        login: subscription.login,
        first_name: customer.first_name || "Admin",
        last_name: customer.last_name || fullName || "Admin",
        language,
        reference_id: subscription.id,
        role: tenant.kind === "partner" ? "partner_admin" : "company_admin",
      },
      activation_email_sent_to: Object.keys(activationEmailsOf(subscription.metadata)),
      activation_email_requested_for: Object.keys(requestedActivationEmailsOf(subscription.metadata)).filter(
        (id) => !(id in activationEmailsOf(subscription.metadata))
      ),
      customer: { email: customer.email, name: fullName || null },
      credentials_to: planOrder ? credentialRecipients(planOrder, orderPlacer(order)) : null,
      service_name: subscription.service_name,
    }
    return new StepResponse(plan)
  }
)
