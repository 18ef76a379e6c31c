"use client"

import { Checkbox, Input, Label, Text } from "@medusajs/ui"
import { useId } from "react"
import type { AcronisOffer, AcronisPlanOrder } from "../types"
import { CheckboxField, Field, NativeSelect } from "./field"
import { formatAmount } from "./money"
import { looksLikeEmail } from "./validation"

type Choice = { value: string; label: string; description?: string }
type PackageChoice = Choice & { included_seats: number | null; seat_prices: Record<string, number> }

/** The plan's order form as the store route serves it (`offer.plan.fields`), typed for drawing. */
type PlanFields = {
  deployment: { label: string; options: Choice[] }
  payment: { label: string; options: Choice[] }
  data_location: { label: string; description?: string; options: Choice[]; confirmation_key: string }
  currency: { label: string; options: Choice[] }
  package: { label: string; options: PackageChoice[] }
  postponed_billing: { label: string; description?: string; available: boolean }
  customer: { label: string; fields: { key: "company_name" | "contact_name" | "contact_email"; label: string }[] }
  domain: { label: string; description?: string }
  admin_username: { label: string; recommended?: string }
  send_credentials_to: { label: string; options: Choice[]; default: string[] }
}

/** Every field a refusal may name; `customer.*` by their own path. */
export const PLAN_ORDER_FIELDS = [
  "deployment",
  "payment",
  "package",
  "postponed_billing",
  "data_location",
  "data_location_confirmed",
  "currency",
  "customer.company_name",
  "customer.contact_name",
  "customer.contact_email",
  "domain",
  "admin_username",
  "send_credentials_to",
  "billing_interval",
] as const
export type AcronisPlanOrderField = (typeof PLAN_ORDER_FIELDS)[number]
export type AcronisPlanOrderErrors = Partial<Record<AcronisPlanOrderField, string>>

type Plan = NonNullable<AcronisOffer["plan"]>

const fieldsOf = (plan: Plan) => plan.fields as unknown as PlanFields

/** A package's seats and price in the cart's currency. */
const packageHint = (pkg: PackageChoice | undefined, currency: string) => {
  if (!pkg) return undefined
  const price = pkg.seat_prices[currency]
  const seats = pkg.included_seats ? `${pkg.included_seats} users included. ` : ""
  return seats + (price === undefined ? `Not sold in ${currency.toUpperCase()}.` : `${formatAmount(price, currency)} per user a month.`)
}

const INTERVAL_LABELS: Record<string, string> = { month: "Monthly", year: "Yearly" }

/** A new form with the offer's first choices and its recommendations, in the cart's currency for SaaS. */
export function initialPlanOrder(plan: Plan, currencyCode: string): AcronisPlanOrder {
  const fields = fieldsOf(plan)
  const currency = fields.currency.options.find((option) => option.value === currencyCode.toLowerCase())?.value ?? null
  const deployment = fields.deployment.options[0]?.value ?? "cloud"
  return {
    deployment,
    payment: fields.payment.options[0]?.value ?? "",
    package: fields.package.options.find((pkg) => pkg.seat_prices[currencyCode.toLowerCase()] !== undefined)?.value ?? fields.package.options[0]?.value ?? "",
    postponed_billing: false,
    data_location: null,
    data_location_confirmed: false,
    currency: deployment === "saas" ? currency : null,
    customer: { company_name: "", contact_name: "", contact_email: "" },
    domain: "",
    admin_username: fields.admin_username.recommended ?? "",
    send_credentials_to: (fields.send_credentials_to.default ?? ["account_manager"]) as AcronisPlanOrder["send_credentials_to"],
  }
}

/** What the form still lacks before it is worth sending, by field; the server checks the rest. */
export function missingPlanOrderFields(plan: Plan, order: AcronisPlanOrder): AcronisPlanOrderErrors {
  const fields = fieldsOf(plan)
  const errors: AcronisPlanOrderErrors = {}
  if (!order.deployment) errors.deployment = `Choose the ${fields.deployment.label.toLowerCase()}.`
  if (!order.payment) errors.payment = "Choose how the subscription is paid."
  if (!order.package) errors.package = "Choose a plan."
  if (order.deployment === "cloud") {
    if (!order.data_location) errors.data_location = "Choose where your data is kept."
    else if (!order.data_location_confirmed) errors.data_location_confirmed = "Confirm the data location: it cannot be changed later."
  }
  if (order.deployment === "saas" && !order.currency) errors.currency = "Choose the currency of the order."
  if (!order.customer.company_name.trim()) errors["customer.company_name"] = "Enter the company name."
  if (!order.customer.contact_name.trim()) errors["customer.contact_name"] = "Enter the contact person's name."
  if (!looksLikeEmail(order.customer.contact_email.trim())) errors["customer.contact_email"] = "Enter the contact person's e-mail address."
  if (!order.domain.trim()) errors.domain = "Enter the customer's domain, e.g. contoso.com."
  if (!order.admin_username.trim()) errors.admin_username = "Enter the administrator's username."
  return errors
}

type Props = {
  plan: Plan
  /** The region's currency: package prices are shown in it. */
  currencyCode: string
  value: AcronisPlanOrder
  onChange: (value: AcronisPlanOrder) => void
  /** Chosen when the plan is sold by more than one interval. */
  billingInterval?: string
  onBillingIntervalChange?: (interval: "month" | "year") => void
  errors?: AcronisPlanOrderErrors
  disabled?: boolean
}

/**
 * A seat plan's order form, drawn from the offer: instance (cloud or SaaS), payment method, data location or
 * currency, plan package, free first month, billing interval, the customer, the domain and the administrator.
 */
export function AcronisPlanOrderForm({ plan, currencyCode, value, onChange, billingInterval, onBillingIntervalChange, errors = {}, disabled }: Props) {
  const fields = fieldsOf(plan)
  const set = (patch: Partial<AcronisPlanOrder>) => onChange({ ...value, ...patch })
  const currency = currencyCode.toLowerCase()
  const confirmId = useId()
  const described = (choices: Choice[], chosen: string | null) => choices.find((choice) => choice.value === chosen)?.description

  return (
    <div className="flex flex-col gap-y-6">
      <fieldset className="flex flex-col gap-y-6">
        <legend className="sr-only">Subscription</legend>
        <Field label={fields.deployment.label} required error={errors.deployment} hint={described(fields.deployment.options, value.deployment)}>
          {(control) => (
            <NativeSelect
              {...control}
              disabled={disabled}
              value={value.deployment}
              onChange={(event) => {
                const deployment = event.target.value
                set({
                  deployment,
                  data_location: deployment === "cloud" ? value.data_location : null,
                  data_location_confirmed: deployment === "cloud" ? value.data_location_confirmed : false,
                  currency: deployment === "saas" ? fields.currency.options.find((option) => option.value === currency)?.value ?? null : null,
                })
              }}
            >
              {fields.deployment.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>

        <Field label="Payment method" required error={errors.payment} hint={described(fields.payment.options, value.payment)}>
          {(control) => (
            <NativeSelect {...control} disabled={disabled} value={value.payment} onChange={(event) => set({ payment: event.target.value })}>
              {fields.payment.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>

        {value.deployment === "cloud" && (
          <div className="flex flex-col gap-y-3">
            <Field label={fields.data_location.label} required error={errors.data_location} hint={fields.data_location.description}>
              {(control) => (
                <NativeSelect
                  {...control}
                  disabled={disabled}
                  value={value.data_location ?? ""}
                  onChange={(event) => set({ data_location: event.target.value || null, data_location_confirmed: false })}
                >
                  <option value="">{fields.data_location.options.length ? "Choose…" : "No data location is offered now"}</option>
                  {fields.data_location.options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </NativeSelect>
              )}
            </Field>
            <div className="flex items-start gap-x-2">
              <Checkbox
                id={confirmId}
                disabled={disabled}
                checked={value.data_location_confirmed}
                onCheckedChange={(checked) => set({ data_location_confirmed: checked === true })}
                aria-invalid={errors.data_location_confirmed ? true : undefined}
                aria-describedby={errors.data_location_confirmed ? `${confirmId}-error` : undefined}
              />
              <div className="flex flex-col gap-y-1">
                <Label htmlFor={confirmId} size="small">
                  I understand the data location cannot be changed later
                </Label>
                {errors.data_location_confirmed && (
                  <Text id={`${confirmId}-error`} role="alert" size="small" className="text-ui-fg-error">
                    {errors.data_location_confirmed}
                  </Text>
                )}
              </div>
            </div>
          </div>
        )}

        {value.deployment === "saas" && (
          <Field label={fields.currency.label} required error={errors.currency} hint="A SaaS order is in the currency of your cart's region.">
            {(control) => (
              <NativeSelect {...control} disabled={disabled} value={value.currency ?? ""} onChange={(event) => set({ currency: event.target.value || null })}>
                <option value="">Choose…</option>
                {fields.currency.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
        )}

        <Field label={fields.package.label} required error={errors.package} hint={packageHint(fields.package.options.find((pkg) => pkg.value === value.package), currency)}>
          {(control) => (
            <NativeSelect {...control} disabled={disabled} value={value.package} onChange={(event) => set({ package: event.target.value })}>
              {fields.package.options.map((pkg) => (
                <option key={pkg.value} value={pkg.value}>
                  {pkg.label}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>

        {plan.billing_intervals.length > 1 && onBillingIntervalChange && (
          <Field label="Billing interval" required error={errors.billing_interval}>
            {(control) => (
              <NativeSelect
                {...control}
                disabled={disabled}
                value={billingInterval ?? plan.billing_intervals[0]}
                onChange={(event) => onBillingIntervalChange(event.target.value as "month" | "year")}
              >
                {plan.billing_intervals.map((interval) => (
                  <option key={interval} value={interval}>
                    {INTERVAL_LABELS[interval] ?? interval}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
        )}

        {fields.postponed_billing.available && (
          <CheckboxField
            label={`${fields.postponed_billing.label}: first month free`}
            hint={fields.postponed_billing.description}
            error={errors.postponed_billing}
            checked={value.postponed_billing}
            disabled={disabled}
            onChange={(checked) => set({ postponed_billing: checked })}
          />
        )}
      </fieldset>

      <fieldset className="flex flex-col gap-y-4">
        <legend className="txt-compact-medium-plus mb-2">{fields.customer.label}</legend>
        {fields.customer.fields.map((field) => (
          <Field key={field.key} label={field.label} required error={errors[`customer.${field.key}`]}>
            {(control) => (
              <Input
                {...control}
                disabled={disabled}
                type={field.key === "contact_email" ? "email" : "text"}
                autoComplete={field.key === "contact_email" ? "email" : field.key === "contact_name" ? "name" : "organization"}
                value={value.customer[field.key]}
                onChange={(event) => set({ customer: { ...value.customer, [field.key]: event.target.value } })}
              />
            )}
          </Field>
        ))}
        <Field label={fields.domain.label} required error={errors.domain} hint={fields.domain.description}>
          {(control) => <Input {...control} disabled={disabled} placeholder="contoso.com" value={value.domain} onChange={(event) => set({ domain: event.target.value })} />}
        </Field>
        <Field
          label={fields.admin_username.label}
          required
          error={errors.admin_username}
          hint={fields.admin_username.recommended ? `We recommend ${fields.admin_username.recommended}.` : undefined}
        >
          {(control) => <Input {...control} disabled={disabled} value={value.admin_username} onChange={(event) => set({ admin_username: event.target.value })} />}
        </Field>
      </fieldset>

      <fieldset className="flex flex-col gap-y-3" aria-describedby={errors.send_credentials_to ? `${confirmId}-send-error` : undefined}>
        <legend className="txt-compact-medium-plus mb-2">{fields.send_credentials_to.label}</legend>
        {fields.send_credentials_to.options.map((option) => (
          <CheckboxField
            key={option.value}
            label={option.label}
            disabled={disabled}
            checked={(value.send_credentials_to as string[]).includes(option.value)}
            onChange={(checked) =>
              set({
                send_credentials_to: checked
                  ? [...value.send_credentials_to.filter((v) => v !== option.value), option.value as AcronisPlanOrder["send_credentials_to"][number]]
                  : value.send_credentials_to.filter((v) => v !== option.value),
              })
            }
          />
        ))}
        {errors.send_credentials_to && (
          <Text id={`${confirmId}-send-error`} role="alert" size="small" className="text-ui-fg-error">
            {errors.send_credentials_to}
          </Text>
        )}
      </fieldset>
    </div>
  )
}
