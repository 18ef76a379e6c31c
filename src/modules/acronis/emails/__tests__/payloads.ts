import { AcronisEventPayloads, AcronisEvents } from "../../events"

/** A customer name that would run script if any template put it into HTML unescaped. */
export const HOSTILE_NAME = "<script>alert(1)</script>"

/** Looks like an Acronis API secret; none of the e-mails may ever show it. */
export const FAKE_ACRONIS_SECRET = "acr-client-secret-9f8e7d6c5b4a"

// Emitters may put more in a payload than a template uses; a secret there must still stay out of the e-mail.
const extra = { acronis_client_secret: FAKE_ACRONIS_SECRET } as {}

/** One payload per plugin event, as a feature would emit it. */
export const payloads: AcronisEventPayloads = {
  [AcronisEvents.ORDER_RECEIVED]: {
    ...extra,
    id: "order_01",
    order_display_id: 1001,
    email: "buyer@customer.test",
    customer_name: HOSTILE_NAME,
    services: ["Acronis Cyber Protect Cloud — Backup, 5 workstations"],
  },
  [AcronisEvents.SUBSCRIPTION_ACTIVATED]: {
    ...extra,
    id: "acsub_01",
    order_display_id: 1001,
    email: "buyer@customer.test",
    customer_name: HOSTILE_NAME,
    service_name: "Acronis Cyber Protect Cloud — Backup",
    service_login_email: "it@customer.test",
    manage_url: "https://shop.test/account/acronis/acsub_01",
  },
  [AcronisEvents.PROVISIONING_FAILED]: {
    ...extra,
    id: "acprov_01",
    order_id: "order_01",
    order_display_id: 1001,
    customer_email: "buyer@customer.test",
    step: "create-tenant",
    error: { http_status: 409, code: "TenantAlreadyExists", message: `Tenant "${HOSTILE_NAME}" already exists` },
    admin_url: "https://shop.test/app/orders/order_01",
  },
  [AcronisEvents.SUB_ACCOUNT_ACTIVATED]: {
    ...extra,
    id: "acsa_01",
    email: "contact@reseller.test",
    contact_name: HOSTILE_NAME,
    reseller_name: "Reseller Ltd",
    sub_account_name: "Dental Clinic",
    manage_url: "https://shop.test/account/reseller/sub-accounts/acsa_01",
  },
  [AcronisEvents.STATEMENT_ISSUED]: {
    ...extra,
    id: "acst_2025_03",
    email: "billing@customer.test",
    customer_name: HOSTILE_NAME,
    period_start: "2025-03-01",
    period_end: "2025-03-31",
    currency_code: "eur",
    lines: [
      { description: "Backup storage", quantity: "120 GB", amount: 24 },
      { description: "Workstations", quantity: "5", amount: 17.5 },
    ],
    total: 41.5,
    statement_url: "https://shop.test/account/acronis/statements/acst_2025_03",
  },
  [AcronisEvents.FREE_MONTH_ENDING]: {
    ...extra,
    id: "acsub_01",
    email: "buyer@customer.test",
    customer_name: HOSTILE_NAME,
    service_name: "Acronis Cyber Protect Cloud — Backup",
    ends_at: "2025-04-30T00:00:00.000Z",
    manage_url: "https://shop.test/account/acronis/acsub_01",
  },
  [AcronisEvents.DELETION_SCHEDULED]: {
    ...extra,
    id: "acsub_01",
    email: "buyer@customer.test",
    customer_name: HOSTILE_NAME,
    service_name: "Acronis Cyber Protect Cloud — Backup",
    deletes_at: "2025-05-30T00:00:00.000Z",
    manage_url: "https://shop.test/account/acronis/acsub_01",
  },
  [AcronisEvents.SAAS_ORDER_PLACED]: {
    ...extra,
    id: "order_02",
    order_display_id: 1002,
    email: "manager@partner.test",
    // The same address twice in another case: one e-mail each, whatever the spelling.
    recipients: ["manager@partner.test", "it@customer.test", "Manager@Partner.TEST"],
    company_name: HOSTILE_NAME,
    services: ["Acronis Cloud Backup plan — Team (10 users), SEK, Pre-paid"],
  },
}
