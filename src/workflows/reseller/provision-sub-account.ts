import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { WorkflowData, WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { AcronisEvents, type SubAccountActivatedPayload } from "../../modules/acronis/events"
import { findOrCreateTenantStep } from "../acronis/steps/find-or-create-tenant"
import { activateSubAccountStep } from "./steps/activate-sub-account"
import { getSubAccountForProvisioningStep } from "./steps/get-sub-account-for-provisioning"
import { setResellerTenantStep } from "./steps/set-reseller-tenant"

export type ProvisionSubAccountWorkflowInput = { sub_account_id: string }

export const provisionSubAccountWorkflowId = "provision-sub-account"

/** Run with this transaction id, so one sub-account's runs are recognisable (and traceable) as one. */
export const provisionSubAccountTransactionId = (subAccountId: string) => `provision-sub-account-${subAccountId}`

/**
 * Gives a sub-account its Acronis tenant and makes it `active`:
 *
 * 1. under a lock on the reseller (two sub-accounts provisioned at once must not make two partner tenants),
 *    finds or creates the reseller's `partner` tenant under the MSP's root and stores its id on the reseller;
 * 2. finds or creates the sub-account's `customer` tenant under that partner tenant — for `end_customer` and
 *    `sub_division` alike (a subsidiary uses the services as a company of its own; a folder could hold no
 *    users or services) — and stores its id, the account number and `active`;
 * 3. emits `acronis.sub_account.activated`, which e-mails the reseller's notification contact.
 *
 * Safe to run again (after a failure, or on an active sub-account): each tenant is found by our id
 * (`customer_id`) before one is created, and stored ids are reused. Created tenants are kept when a later
 * step fails, so the next run picks them up.
 */
export const provisionSubAccountWorkflow = createWorkflow(
  provisionSubAccountWorkflowId,
  (input: WorkflowData<ProvisionSubAccountWorkflowInput>) => {
    const loaded = getSubAccountForProvisioningStep({ sub_account_id: input.sub_account_id })
    const lockKey = transform({ loaded }, ({ loaded }) => `acronis-reseller-tenant:${loaded.reseller.id}`)
    acquireLockStep({ key: lockKey, timeout: 60, ttl: 300 })

    const partnerInput = transform({ loaded }, ({ loaded }) => ({
      kind: "partner" as const,
      name: loaded.reseller.name,
      reference_id: loaded.reseller.id,
      existing_tenant_id: loaded.reseller.acronis_tenant_id,
    }))
    const partner = findOrCreateTenantStep(partnerInput).config({ name: "find-or-create-reseller-tenant" })
    const resellerTenant = transform({ loaded, partner }, ({ loaded, partner }) => ({
      reseller_id: loaded.reseller.id,
      acronis_tenant_id: partner.tenant_id,
    }))
    setResellerTenantStep(resellerTenant)

    const customerInput = transform({ loaded, partner }, ({ loaded, partner }) => {
      const { sub_account: subAccount } = loaded
      return {
        parent_tenant_id: partner.tenant_id,
        kind: "customer" as const,
        name: subAccount.name,
        reference_id: subAccount.id,
        existing_tenant_id: subAccount.acronis_tenant_id,
        contact: {
          email: subAccount.email,
          phone: subAccount.phone,
          address1: subAccount.address_1,
          address2: subAccount.address_2,
          city: subAccount.city,
          state: subAccount.province,
          zipcode: subAccount.postal_code,
          country: subAccount.country_code.toUpperCase(),
        },
      }
    })
    const tenant = findOrCreateTenantStep(customerInput).config({ name: "find-or-create-sub-account-tenant" })
    const activation = transform({ tenant, input }, ({ tenant, input }) => ({
      sub_account_id: input.sub_account_id,
      acronis_tenant_id: tenant.tenant_id,
    }))
    const subAccount = activateSubAccountStep(activation)
    releaseLockStep({ key: lockKey })

    const payload = transform({ loaded }, ({ loaded }): SubAccountActivatedPayload => ({
      id: loaded.sub_account.id,
      email: loaded.notification_contact.email,
      contact_name: loaded.notification_contact.name,
      reseller_name: loaded.reseller.name,
      sub_account_name: loaded.sub_account.name,
    }))
    emitEventStep({ eventName: AcronisEvents.SUB_ACCOUNT_ACTIVATED, data: payload })
    return new WorkflowResponse(subAccount)
  }
)
