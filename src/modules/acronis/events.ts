/**
 * The plugin's own events. Features emit them through the event bus
 * (`container.resolve(Modules.EVENT_BUS).emit({ name: AcronisEvents.X, data: payload })`, or `emitEventStep`
 * inside a workflow) and never call the mailer: the `acronis-emails` subscriber turns each into one e-mail.
 *
 * Every payload carries `id`, the thing the event is about. The e-mail sent for an event is keyed on
 * `${event}:${id}`, so emitting the same event for the same `id` again sends nothing new: use a fresh `id`
 * only for a genuinely new fact (a new statement, a new order), never for a retry.
 *
 * Payloads are stored with the notification row and rendered into e-mails: never put passwords, API
 * secrets or tokens in them. Money is in major units (as Medusa prices are), dates are ISO 8601 strings.
 */
export const AcronisEvents = {
  ORDER_RECEIVED: "acronis.order.received",
  SUBSCRIPTION_ACTIVATED: "acronis.subscription.activated",
  PROVISIONING_FAILED: "acronis.provisioning.failed",
  SUB_ACCOUNT_ACTIVATED: "acronis.sub_account.activated",
  STATEMENT_ISSUED: "acronis.statement.issued",
  FREE_MONTH_ENDING: "acronis.free_month.ending",
  DELETION_SCHEDULED: "acronis.subscription.deletion_scheduled",
  SAAS_ORDER_PLACED: "acronis.saas_order.placed",
} as const

export type AcronisEventName = (typeof AcronisEvents)[keyof typeof AcronisEvents]

/** A customer's order with Acronis services was placed; provisioning starts. E-mailed to the customer. */
export type OrderReceivedPayload = {
  /** The Medusa order id. */
  id: string
  /** The order number the customer sees (`order.display_id`). */
  order_display_id: string | number
  /** The customer's e-mail address (the recipient). */
  email: string
  customer_name?: string | null
  /** Titles of the Acronis services ordered, as shown on the order. */
  services: string[]
}

/**
 * A subscription's Acronis tenant and licences are in place. E-mailed to the customer, or, for a plan ordered
 * with its order form, to everyone its `send_credentials_to` names (`recipients`).
 */
export type SubscriptionActivatedPayload = {
  /** The subscription id. */
  id: string
  order_display_id: string | number
  /** The customer's e-mail address (the recipient unless `recipients` says otherwise). */
  email: string
  /** Everyone the e-mail goes to, when that is not `email` alone. */
  recipients?: string[] | null
  customer_name?: string | null
  /** What was activated, e.g. "Acronis Cyber Protect Cloud — Backup, 5 workstations". */
  service_name: string
  /** The Acronis login of the service's administrator. */
  service_login?: string | null
  /** The login Acronis sends its own activation e-mail to, when it differs from `email`. */
  service_login_email?: string | null
  /** Where the customer manages the service in the store ("Manage your service"). */
  manage_url: string
  /** A getting-started guide; defaults to Acronis's documentation. */
  getting_started_url?: string | null
}

/** Provisioning stopped on an error that needs a person. E-mailed to the merchant's `operationsEmail`. */
export type ProvisioningFailedPayload = {
  /** The id of the failed provisioning attempt (or of the subscription, if there is one attempt per subscription). */
  id: string
  order_id: string
  order_display_id: string | number
  customer_email?: string | null
  /** The provisioning step that failed, e.g. "create-tenant". */
  step: string
  /** What Acronis answered. Never include request bodies, tokens or credentials. */
  error: {
    http_status?: number | null
    code?: string | null
    message: string
  }
  /** Where the merchant can look at the order, e.g. the admin order page. */
  admin_url?: string | null
}

/** A reseller's sub-account is ready. E-mailed to the reseller's notification contact. */
export type SubAccountActivatedPayload = {
  /** The sub-account id. */
  id: string
  /** The reseller's notification contact (the recipient). */
  email: string
  contact_name?: string | null
  reseller_name: string
  sub_account_name: string
  manage_url?: string | null
}

/** A monthly usage statement was issued. E-mailed to the account's billing contact. */
export type StatementIssuedPayload = {
  /** The statement id. */
  id: string
  /** The billing contact (the recipient). */
  email: string
  customer_name?: string | null
  /** First and last day covered, ISO dates. */
  period_start: string
  period_end: string
  currency_code: string
  lines: { description: string; quantity?: string | null; amount: number }[]
  total: number
  statement_url?: string | null
}

/** A subscription's free month ends soon; billing starts after it. E-mailed to the customer. */
export type FreeMonthEndingPayload = {
  /** The subscription id. */
  id: string
  /** The customer's e-mail address (the recipient). */
  email: string
  customer_name?: string | null
  service_name: string
  /** When the free month ends, ISO 8601. */
  ends_at: string
  manage_url: string
}

/**
 * A suspended subscription's tenant, and every backup in it, will be deleted in Acronis unless the service is
 * resumed first. E-mailed to the customer before the grace period ends.
 */
export type DeletionScheduledPayload = {
  /** The subscription id. */
  id: string
  /** The customer's e-mail address (the recipient). */
  email: string
  customer_name?: string | null
  service_name: string
  /** When the tenant and its data are deleted, ISO 8601. */
  deletes_at: string
  manage_url?: string | null
}

/**
 * A plan was ordered as SaaS: its Order ID goes, when the order is placed, to everyone the order form's
 * `send_credentials_to` names. One e-mail per order, whatever number of SaaS lines it has.
 */
export type SaasOrderPlacedPayload = {
  /** The Medusa order id. */
  id: string
  /** The Order ID people quote (`order.display_id`). */
  order_display_id: string | number
  /** The first recipient. */
  email: string
  /** Everyone the e-mail goes to. */
  recipients: string[]
  /** The customer the order is for (the form's company name). */
  company_name?: string | null
  /** The SaaS plans ordered, e.g. "Acronis Cloud Backup plan — Team (10 users), SEK, pre-paid". */
  services: string[]
}

export type AcronisEventPayloads = {
  [AcronisEvents.ORDER_RECEIVED]: OrderReceivedPayload
  [AcronisEvents.SUBSCRIPTION_ACTIVATED]: SubscriptionActivatedPayload
  [AcronisEvents.PROVISIONING_FAILED]: ProvisioningFailedPayload
  [AcronisEvents.SUB_ACCOUNT_ACTIVATED]: SubAccountActivatedPayload
  [AcronisEvents.STATEMENT_ISSUED]: StatementIssuedPayload
  [AcronisEvents.FREE_MONTH_ENDING]: FreeMonthEndingPayload
  [AcronisEvents.DELETION_SCHEDULED]: DeletionScheduledPayload
  [AcronisEvents.SAAS_ORDER_PLACED]: SaasOrderPlacedPayload
}

/** An event with its payload, as one value: `{ event: "acronis.order.received", data: {...} }`. */
export type AcronisEventMessage = {
  [E in AcronisEventName]: { event: E; data: AcronisEventPayloads[E] }
}[AcronisEventName]
