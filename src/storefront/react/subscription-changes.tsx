"use client"

import { Alert, Button, Heading, Table, Text } from "@medusajs/ui"
import { useEffect, useState, type FormEvent } from "react"
import type { AcronisListedOffer, AcronisSubscription, AcronisSubscriptionChangeBody } from "../types"
import { SelectField, TextField } from "./account-field"
import { fieldErrorsOf, formatDay, formatPeriod, LICENSING_MODEL_LABELS } from "./account-format"
import { useAcronis } from "./context"
import { errorMessage } from "./errors"
import { formatAmount } from "./money"

type Terms = {
  offer_id?: string
  contract_tier?: number | null
  commitment_minimum?: { currency_code: string; amount: number } | null
  protection_licensing_model?: string | null
  file_sync_share_licensing_model?: string | null
  seats?: number | null
  billing_cycle?: string | null
}
type DescribedChange = { id: string; type: string; timing: string; effective_on: string; requested_at: string; requested_by: string; description: string; cancelled_at: string | null }
type ChangesView = { terms: Terms; scheduled: DescribedChange[]; changes: DescribedChange[] }
type Estimate = { total: string }
type Preview = {
  outcome: "changed" | "unchanged" | "cancelled"
  change: DescribedChange | null
  cancelled: string[]
  currency_code: string
  months: { period: string; without: Estimate; with: Estimate; difference: string }[]
  difference: string
}

type Kind = AcronisSubscriptionChangeBody["type"]
const KINDS_BY_TYPE: Record<string, Kind[]> = { ppu: ["licensing_model"], plan: ["seats", "billing_interval"], contract: ["contract_tier"] }
const KIND_LABELS: Record<Kind, string> = {
  licensing_model: "Licensing model",
  seats: "Number of seats",
  billing_interval: "Billing interval",
  contract_tier: "Contract tier",
}
const FIELDS = ["type", "protection_licensing_model", "file_sync_share_licensing_model", "seats", "interval", "offer_id"] as const
const FIELD_IDS: Record<(typeof FIELDS)[number], string> = {
  type: "acronis-change-kind",
  protection_licensing_model: "acronis-change-protection",
  file_sync_share_licensing_model: "acronis-change-file-sync",
  seats: "acronis-change-seats",
  interval: "acronis-change-interval",
  offer_id: "acronis-change-tier",
}

/**
 * The subscription's terms today, what is scheduled and what changed; and a form to change them as its type
 * allows (pay per use: licensing models; plans: seats and billing interval; contracts: tier). The cost of a
 * change is previewed before it is confirmed; the server's refusals show at their field.
 */
export function AcronisSubscriptionChanges({ subscription, onChanged }: { subscription: AcronisSubscription; onChanged?: () => void }) {
  const { acronis } = useAcronis()
  const [view, setView] = useState<ChangesView | null>(null)
  const [offers, setOffers] = useState<AcronisListedOffer[]>([])
  const [loadError, setLoadError] = useState<string | null>(null)
  const [kind, setKind] = useState<Kind>(KINDS_BY_TYPE[subscription.type]?.[0] ?? "licensing_model")
  const [protection, setProtection] = useState("")
  const [fileSync, setFileSync] = useState("")
  const [seats, setSeats] = useState("")
  const [billingInterval, setBillingInterval] = useState<"month" | "year">("month")
  const [offerId, setOfferId] = useState("")
  const [preview, setPreview] = useState<Preview | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState<"preview" | "confirm" | null>(null)
  const [done, setDone] = useState<string | null>(null)

  const load = async () => {
    try {
      const answer = (await acronis.subscriptions.changes(subscription.id)) as unknown as ChangesView
      setView(answer)
      setProtection(answer.terms.protection_licensing_model ?? "per_gigabyte")
      setFileSync(answer.terms.file_sync_share_licensing_model ?? "per_user")
      setSeats(answer.terms.seats ? String(answer.terms.seats) : "")
      setBillingInterval(answer.terms.billing_cycle === "year" ? "year" : "month")
      setOfferId(answer.terms.offer_id ?? "")
    } catch (e) {
      setLoadError(errorMessage(e))
    }
  }
  useEffect(() => {
    void load()
    // The subscription's own offer says which licensing models and billing intervals it allows; a contract's
    // tiers are the other contract offers.
    acronis.offers
      .list()
      .then(({ acronis_offers }) => setOffers(acronis_offers))
      .catch(() => setOffers([]))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [subscription.id])

  const body = (): AcronisSubscriptionChangeBody => {
    if (kind === "licensing_model") return { type: kind, protection_licensing_model: protection, file_sync_share_licensing_model: fileSync }
    if (kind === "seats") return { type: kind, seats: Number(seats) }
    if (kind === "billing_interval") return { type: kind, interval: billingInterval }
    return { type: kind, offer_id: offerId }
  }

  const refused = (e: unknown) => {
    const { fields, general } = fieldErrorsOf(errorMessage(e), FIELDS)
    setErrors(fields)
    setFormError(general)
    const first = FIELDS.find((f) => fields[f])
    if (first) window.setTimeout(() => document.getElementById(FIELD_IDS[first])?.focus(), 0)
  }

  const onPreview = async (event: FormEvent) => {
    event.preventDefault()
    setErrors({})
    setFormError(null)
    setDone(null)
    setPreview(null)
    if (kind === "seats" && !/^\d+$/.test(seats.trim())) {
      setErrors({ seats: "Enter a whole number of seats." })
      return
    }
    setBusy("preview")
    try {
      setPreview((await acronis.subscriptions.previewChange(subscription.id, body())).preview as unknown as Preview)
    } catch (e) {
      refused(e)
    } finally {
      setBusy(null)
    }
  }

  const onConfirm = async () => {
    setBusy("confirm")
    setFormError(null)
    try {
      const answer = (await acronis.subscriptions.change(subscription.id, body())) as unknown as { outcome: string; change: DescribedChange | null }
      setPreview(null)
      setDone(
        answer.outcome === "unchanged"
          ? "Nothing to change: the subscription already has these terms."
          : answer.change
            ? `Done: ${answer.change.description}.`
            : "Done: the scheduled change was withdrawn."
      )
      await load()
      onChanged?.()
    } catch (e) {
      refused(e)
      setPreview(null)
    } finally {
      setBusy(null)
    }
  }

  if (loadError) return <Alert variant="error">{loadError}</Alert>
  if (!view) return <Text className="text-ui-fg-muted">Loading the subscription&apos;s terms…</Text>
  const terms = view.terms
  // Without the offer (no longer sold, so not listed) the choices are every model and interval there is;
  // the server refuses what the offer does not allow, at its field.
  const ownOffer = offers.find((o) => o.offer_id === terms.offer_id)
  const modelOptions = (key: "protection_licensing_model" | "file_sync_share_licensing_model", all: string[]) =>
    (ownOffer?.settings.find((setting) => setting.key === key)?.options.map((o) => o.value) ?? all).map((v) => ({ value: v, label: LICENSING_MODEL_LABELS[v] ?? v }))
  const intervals = ownOffer?.plan?.billing_intervals ?? ["month", "year"]
  const kinds = (KINDS_BY_TYPE[subscription.type] ?? []).filter((k) => k !== "billing_interval" || intervals.length > 1)
  const contractOffers = offers.filter((o) => o.type === "contract")
  const currency = preview?.currency_code ?? terms.commitment_minimum?.currency_code ?? null
  const active = subscription.status === "active"

  return (
    <div className="flex flex-col gap-y-6">
      <dl className="grid grid-cols-1 gap-x-8 gap-y-2 sm:grid-cols-3">
        {subscription.type === "ppu" && (
          <>
            <Term label="Protection licensing model" value={LICENSING_MODEL_LABELS[terms.protection_licensing_model ?? ""] ?? terms.protection_licensing_model ?? "—"} />
            <Term label="File Sync & Share licensing model" value={LICENSING_MODEL_LABELS[terms.file_sync_share_licensing_model ?? ""] ?? terms.file_sync_share_licensing_model ?? "—"} />
          </>
        )}
        {subscription.type === "contract" && (
          <>
            <Term label="Contract tier" value={terms.contract_tier === null || terms.contract_tier === undefined ? "—" : `Tier ${terms.contract_tier}`} />
            <Term
              label="Minimum monthly commitment"
              value={terms.commitment_minimum ? formatAmount(terms.commitment_minimum.amount, terms.commitment_minimum.currency_code) : "—"}
            />
          </>
        )}
        {subscription.type === "plan" && (
          <>
            <Term label="Seats" value={terms.seats ? String(terms.seats) : "As included in the plan"} />
            <Term label="Billing interval" value={terms.billing_cycle === "year" ? "Yearly" : "Monthly"} />
          </>
        )}
      </dl>

      {view.scheduled.length > 0 && (
        <div className="flex flex-col gap-y-1">
          <Heading level="h3">Scheduled</Heading>
          <ul className="txt-small text-ui-fg-subtle list-disc pl-5">
            {view.scheduled.map((c) => (
              <li key={c.id}>{c.description}</li>
            ))}
          </ul>
        </div>
      )}

      {active && kinds.length > 0 ? (
        <form onSubmit={onPreview} className="border-ui-border-base flex flex-col gap-y-4 rounded-lg border p-4" aria-labelledby="acronis-change-heading" noValidate>
          <Heading level="h3" id="acronis-change-heading">
            Change your terms
          </Heading>
          {kinds.length > 1 && (
            <SelectField
              id="acronis-change-kind"
              label="What to change"
              value={kind}
              error={errors.type}
              onChange={(value) => {
                setKind(value as Kind)
                setPreview(null)
                setErrors({})
              }}
              options={kinds.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
            />
          )}
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            {kind === "licensing_model" && (
              <>
                <SelectField
                  id="acronis-change-protection"
                  label="Protection licensing model"
                  value={protection}
                  error={errors.protection_licensing_model}
                  onChange={(v) => (setProtection(v), setPreview(null))}
                  options={modelOptions("protection_licensing_model", ["per_gigabyte", "per_workload"])}
                />
                <SelectField
                  id="acronis-change-file-sync"
                  label="File Sync & Share licensing model"
                  value={fileSync}
                  error={errors.file_sync_share_licensing_model}
                  onChange={(v) => (setFileSync(v), setPreview(null))}
                  options={modelOptions("file_sync_share_licensing_model", ["per_user", "per_workload"])}
                />
              </>
            )}
            {kind === "seats" && (
              <TextField
                id="acronis-change-seats"
                label="Seats"
                type="number"
                inputMode="numeric"
                min={1}
                required
                value={seats}
                error={errors.seats}
                hint="More seats apply at once; fewer from the next fee period."
                onChange={(v) => (setSeats(v), setPreview(null))}
              />
            )}
            {kind === "billing_interval" && (
              <SelectField
                id="acronis-change-interval"
                label="Billing interval"
                value={billingInterval}
                error={errors.interval}
                hint="A new interval starts with the next fee period."
                onChange={(v) => (setBillingInterval(v as "month" | "year"), setPreview(null))}
                options={intervals.map((v) => ({ value: v, label: v === "year" ? "Yearly" : "Monthly" }))}
              />
            )}
            {kind === "contract_tier" && (
              <SelectField
                id="acronis-change-tier"
                label="Contract tier"
                value={offerId}
                error={errors.offer_id}
                hint="A higher tier applies at once; a lower one from the 1st of next month."
                onChange={(v) => (setOfferId(v), setPreview(null))}
                options={[
                  ...(contractOffers.some((o) => o.offer_id === terms.offer_id) ? [] : [{ value: terms.offer_id ?? "", label: `Tier ${terms.contract_tier ?? "?"} (current)` }]),
                  ...contractOffers
                    .slice()
                    .sort((a, b) => (a.contract?.tier ?? 0) - (b.contract?.tier ?? 0))
                    .map((o) => {
                      const minimum = currency ? (o.contract?.minimum_monthly_commitment as Record<string, number>)?.[currency.toLowerCase()] : undefined
                      return {
                        value: o.offer_id,
                        label: `Tier ${o.contract?.tier ?? "?"}${minimum !== undefined ? ` — minimum ${formatAmount(minimum, currency)} a month` : ""}${o.offer_id === terms.offer_id ? " (current)" : ""}`,
                      }
                    }),
                ]}
              />
            )}
          </div>
          {formError && (
            <Alert variant="error" role="alert">
              {formError}
            </Alert>
          )}
          {done && (
            <Alert variant="success" role="status">
              {done}
            </Alert>
          )}
          {!preview && (
            <div>
              <Button type="submit" variant="secondary" isLoading={busy === "preview"}>
                Preview the cost
              </Button>
            </div>
          )}
          {preview && <ChangePreview preview={preview} busy={busy === "confirm"} onConfirm={onConfirm} onCancel={() => setPreview(null)} />}
        </form>
      ) : (
        !active && <Text className="text-ui-fg-subtle">Only an active service&apos;s terms can change.</Text>
      )}

      {view.changes.length > 0 && (
        <div className="flex flex-col gap-y-1">
          <Heading level="h3">Changes so far</Heading>
          <ul className="txt-small text-ui-fg-subtle list-disc pl-5">
            {view.changes
              .slice()
              .reverse()
              .map((c) => (
                <li key={c.id}>
                  {c.description}
                  {c.cancelled_at ? " — withdrawn" : ""}, asked {formatDay(c.requested_at)} by {c.requested_by === "admin" ? "us" : "you"}
                </li>
              ))}
          </ul>
        </div>
      )}
    </div>
  )
}

function Term({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="txt-small text-ui-fg-muted">{label}</dt>
      <dd className="txt-compact-medium text-ui-fg-base">{value}</dd>
    </div>
  )
}

function ChangePreview({ preview, busy, onConfirm, onCancel }: { preview: Preview; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const money = (amount: string) => formatAmount(amount, preview.currency_code)
  const signed = (amount: string) => (Number(amount) > 0 ? `+${money(amount)}` : money(amount))
  if (preview.outcome === "unchanged") {
    return (
      <div role="status" className="flex flex-col gap-y-3">
        <Text>The subscription already has these terms: nothing would change.</Text>
        <div>
          <Button type="button" variant="secondary" onClick={onCancel}>
            Back
          </Button>
        </div>
      </div>
    )
  }
  return (
    <section aria-labelledby="acronis-change-preview" className="bg-ui-bg-subtle flex flex-col gap-y-3 rounded-lg p-4" role="region">
      <Heading level="h3" id="acronis-change-preview">
        What this change costs
      </Heading>
      <Text>
        {preview.change
          ? `${preview.change.description.charAt(0).toUpperCase()}${preview.change.description.slice(1)}.`
          : "This withdraws the change that is scheduled."}
        {preview.change?.timing === "scheduled" && ` Your terms stay as they are until ${formatDay(preview.change.effective_on)}.`}
      </Text>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Month</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Without the change</Table.HeaderCell>
            <Table.HeaderCell className="text-right">With the change</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Difference</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {preview.months.map((m) => (
            <Table.Row key={m.period}>
              <Table.Cell>{formatPeriod(m.period)}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">{money(m.without.total)}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">{money(m.with.total)}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">{signed(m.difference)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Text weight="plus" data-testid="acronis-change-difference">
        In all: {signed(preview.difference)}
      </Text>
      <Text size="xsmall" className="text-ui-fg-muted">
        Estimated to each month&apos;s end at today&apos;s usage; your statement bills what you actually use.
      </Text>
      <div className="flex gap-x-3">
        <Button type="button" onClick={onConfirm} isLoading={busy}>
          Confirm the change
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </section>
  )
}
