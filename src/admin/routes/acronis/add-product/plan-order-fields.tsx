import { Button, Checkbox, Heading, Input, Label, RadioGroup, Select, Switch, Text } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import type { PlanOrder } from "../../../../modules/acronis/domain/plan-terms"
import { isDomainName, type PlanForm, type PlanOrderDraft } from "../../../lib/plan-order-draft"
import { sdk } from "../../../lib/sdk"

type LoginProposal = { login: string | null; available: boolean; tried: { login: string; available: boolean }[] }

type PackageOption = PlanForm["fields"]["package"]["options"][number]

/** "10 users included · USD 3.50 or SEK 38.00 per user a month", in the order's currency when SaaS names one. */
function describePackage(pkg: PackageOption, currency: string) {
  const prices = Object.entries(pkg.seat_prices)
    .filter(([code]) => !currency || code === currency)
    .map(([code, amount]) => `${code.toUpperCase()} ${amount.toFixed(2)}`)
  return [
    pkg.included_seats !== null ? `${pkg.included_seats} users included` : null,
    prices.length ? `${prices.join(" or ")} per user a month` : `no price in ${currency.toUpperCase()}`,
  ]
    .filter(Boolean)
    .join(" · ")
}

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <div className="flex flex-col gap-y-2">
    <Heading level="h3">{title}</Heading>
    {children}
  </div>
)

type OptionSelectProps = {
  className: string
  label: string
  placeholder: string
  options: { value: string; label: string }[]
  value: string
  onChange: (value: string) => void
}

/** One of the form's options in a Medusa UI select, named by its field's label. */
const OptionSelect = ({ className, label, placeholder, options, value, onChange }: OptionSelectProps) => (
  <div className={className}>
    <Select value={value} onValueChange={onChange}>
      <Select.Trigger aria-label={label}>
        <Select.Value placeholder={placeholder} />
      </Select.Trigger>
      <Select.Content>
        {options.map((option) => (
          <Select.Item key={option.value} value={option.value}>
            {option.label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  </div>
)

type PlanOrderFieldsProps = {
  form: PlanForm
  value: PlanOrderDraft
  onChange: (draft: PlanOrderDraft) => void
  /** The Acronis login the order asks for; "Propose login" fills it. */
  login: string
  onLoginChange: (login: string) => void
}

/**
 * A plan's order form in the wizard's Details step, as the account manager fills it in for the customer:
 * Cloud or SaaS, where the data lives or which currency, payment method, package, free month, customer,
 * domain, administrator and who receives the credentials.
 */
export function PlanOrderFields({ form, value, onChange, login, onLoginChange }: PlanOrderFieldsProps) {
  const { fields } = form
  const set = (patch: Partial<PlanOrderDraft>) => onChange({ ...value, ...patch })
  const setCustomer = (patch: Partial<PlanOrderDraft["customer"]>) => set({ customer: { ...value.customer, ...patch } })
  const toggleRecipient = (recipient: PlanOrder["send_credentials_to"][number], on: boolean) =>
    set({
      send_credentials_to: on
        ? [...value.send_credentials_to.filter((r) => r !== recipient), recipient]
        : value.send_credentials_to.filter((r) => r !== recipient),
    })

  const proposal = useMutation({
    mutationFn: () =>
      sdk.client.fetch<LoginProposal>("/admin/acronis/logins/proposal", {
        query: { username: value.admin_username.trim(), domain: value.domain.trim().toLowerCase() },
      }),
    onSuccess: (answer) => {
      if (answer.login) onLoginChange(answer.login)
    },
  })
  // A proposal is for the username and domain it was made from: changing either takes it back.
  const setIdentity = (patch: Pick<Partial<PlanOrderDraft>, "domain" | "admin_username">) => {
    if (proposal.data?.login && login === proposal.data.login) onLoginChange("")
    proposal.reset()
    set(patch)
  }

  return (
    <div className="flex flex-col gap-y-6">
      <Section title={fields.deployment.label}>
        <RadioGroup
          className="grid grid-cols-2 gap-2"
          value={value.deployment}
          onValueChange={(deployment) => set({ deployment: deployment as PlanOrderDraft["deployment"] })}
        >
          {fields.deployment.options.map((option) => (
            <RadioGroup.ChoiceBox key={option.value} value={option.value} label={option.label} description={option.description ?? ""} />
          ))}
        </RadioGroup>
      </Section>

      {value.deployment === "cloud" && (
        <Section title={fields.data_location.label}>
          <Text size="small" className="text-ui-fg-subtle">
            {fields.data_location.description}
          </Text>
          {fields.data_location.options.length === 0 ? (
            <Text size="small" className="text-ui-fg-error">
              Acronis offers no backup storage for this plan now: it cannot be ordered as Cloud.
            </Text>
          ) : (
            <OptionSelect
              className="w-1/2"
              label={fields.data_location.label}
              placeholder="Choose a data centre"
              options={fields.data_location.options}
              value={value.data_location}
              // A new location is a new decision: it is confirmed again.
              onChange={(location) => set({ data_location: location, data_location_confirmed: false })}
            />
          )}
          <div className="flex items-center gap-x-2">
            <Checkbox
              id="plan-data-location-confirmed"
              disabled={!value.data_location}
              checked={value.data_location_confirmed}
              onCheckedChange={(checked) => set({ data_location_confirmed: checked === true })}
            />
            <Label htmlFor="plan-data-location-confirmed" size="small">
              I understand the data location is permanent: it cannot be changed once the customer's account exists
            </Label>
          </div>
        </Section>
      )}

      {value.deployment === "saas" && (
        <Section title={fields.currency.label}>
          <OptionSelect
            className="w-1/4"
            label={fields.currency.label}
            placeholder="Choose"
            options={fields.currency.options}
            value={value.currency}
            onChange={(currency) => set({ currency })}
          />
        </Section>
      )}

      <Section title={fields.payment.label}>
        <RadioGroup value={value.payment} onValueChange={(payment) => set({ payment: payment as PlanOrderDraft["payment"] })}>
          {fields.payment.options.map((option) => (
            <RadioGroup.ChoiceBox key={option.value} value={option.value} label={option.label} description={option.description ?? ""} />
          ))}
        </RadioGroup>
      </Section>

      <Section title={fields.package.label}>
        <RadioGroup value={value.package} onValueChange={(pkg) => set({ package: pkg })}>
          {fields.package.options.map((option) => (
            <RadioGroup.ChoiceBox
              key={option.value}
              value={option.value}
              label={option.label}
              description={describePackage(option, value.deployment === "saas" ? value.currency : "")}
            />
          ))}
        </RadioGroup>
        {fields.postponed_billing.available && (
          <div className="flex items-start gap-x-2 pt-2">
            <Switch
              id="plan-postponed-billing"
              checked={value.postponed_billing}
              onCheckedChange={(postponed_billing) => set({ postponed_billing })}
            />
            <div className="flex flex-col">
              <Label htmlFor="plan-postponed-billing" size="small" weight="plus">
                {fields.postponed_billing.label}
              </Label>
              <Text size="small" className="text-ui-fg-subtle">
                {fields.postponed_billing.description}
              </Text>
            </div>
          </div>
        )}
      </Section>

      <Section title={fields.customer.label}>
        <div className="grid grid-cols-3 gap-2">
          {fields.customer.fields.map((field) => (
            <div key={field.key}>
              <Label htmlFor={`plan-customer-${field.key}`} size="small">
                {field.label}
              </Label>
              <Input
                id={`plan-customer-${field.key}`}
                type={field.key === "contact_email" ? "email" : "text"}
                value={value.customer[field.key as keyof PlanOrderDraft["customer"]]}
                onChange={(e) => setCustomer({ [field.key]: e.target.value })}
              />
            </div>
          ))}
        </div>
      </Section>

      <Section title="Administrator">
        <Text size="small" className="text-ui-fg-subtle">
          {fields.domain.description} We recommend {fields.admin_username.recommended} as the administrator's username.
        </Text>
        <div className="grid grid-cols-3 items-end gap-2">
          <div>
            <Label htmlFor="plan-domain" size="small">
              {fields.domain.label}
            </Label>
            <Input id="plan-domain" placeholder="contoso.com" value={value.domain} onChange={(e) => setIdentity({ domain: e.target.value })} />
          </div>
          <div>
            <Label htmlFor="plan-admin-username" size="small">
              {fields.admin_username.label}
            </Label>
            <Input id="plan-admin-username" value={value.admin_username} onChange={(e) => setIdentity({ admin_username: e.target.value })} />
          </div>
          <div>
            <Button
              variant="secondary"
              disabled={!value.admin_username.trim() || !isDomainName(value.domain)}
              isLoading={proposal.isPending}
              onClick={() => proposal.mutate()}
            >
              Propose login
            </Button>
          </div>
        </div>
        <div className="w-1/2">
          <Label htmlFor="login" size="small">
            Acronis login (default: proposed from the username and the domain)
          </Label>
          <Input id="login" value={login} onChange={(e) => onLoginChange(e.target.value)} />
        </div>
        {proposal.data && (
          <Text size="small" className={proposal.data.login ? "text-ui-fg-subtle" : "text-ui-fg-error"}>
            {proposal.data.login
              ? `Proposed login: ${proposal.data.login} (free in Acronis)`
              : `No free login found: ${proposal.data.tried.map((t) => t.login).join(", ")} are taken. Try another username.`}
          </Text>
        )}
        {proposal.error && (
          <Text size="small" className="text-ui-fg-error">
            {proposal.error.message}
          </Text>
        )}
      </Section>

      <Section title={fields.send_credentials_to.label}>
        {fields.send_credentials_to.options.map((option) => (
          <div key={option.value} className="flex items-center gap-x-2">
            <Checkbox
              id={`plan-send-credentials-${option.value}`}
              checked={value.send_credentials_to.includes(option.value)}
              onCheckedChange={(checked) => toggleRecipient(option.value, checked === true)}
            />
            <Label htmlFor={`plan-send-credentials-${option.value}`} size="small">
              {option.label}
              {option.value === "customer" && value.customer.contact_email.trim() ? ` (${value.customer.contact_email.trim()})` : ""}
            </Label>
          </div>
        ))}
      </Section>
    </div>
  )
}

/** The plan choices on the Confirm step, in the form's own words. */
export function PlanOrderSummary({ form, order, login }: { form: PlanForm; order: PlanOrder; login: string }) {
  const { fields } = form
  const labelOf = (options: { value: string; label: string }[], value: string | null) =>
    options.find((option) => option.value === value)?.label ?? value ?? ""
  const rows: [string, string][] = [
    [fields.deployment.label, labelOf(fields.deployment.options, order.deployment)],
    order.deployment === "cloud"
      ? [fields.data_location.label, `${labelOf(fields.data_location.options, order.data_location)} (permanent, confirmed)`]
      : [fields.currency.label, (order.currency ?? "").toUpperCase()],
    [fields.payment.label, labelOf(fields.payment.options, order.payment)],
    [fields.package.label, labelOf(fields.package.options, order.package)],
    ...(fields.postponed_billing.available
      ? [[fields.postponed_billing.label, order.postponed_billing ? "Yes, the first month is free" : "No"] as [string, string]]
      : []),
    [fields.customer.label, `${order.customer.company_name}, ${order.customer.contact_name} <${order.customer.contact_email}>`],
    [fields.domain.label, order.domain],
    [fields.admin_username.label, `${order.admin_username} (login: ${login || "proposed when the order is created"})`],
    [
      fields.send_credentials_to.label,
      order.send_credentials_to
        .map((r) => (r === "account_manager" ? "the account manager (you)" : `the customer's contact (${order.customer.contact_email})`))
        .join(" and "),
    ],
  ]
  return (
    <>
      {rows.map(([label, text]) => (
        <Text key={label} size="small">
          {label}: {text}
        </Text>
      ))}
    </>
  )
}
