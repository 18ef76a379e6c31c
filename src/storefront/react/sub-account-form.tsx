"use client"

import { Alert, Button, Heading, Text } from "@medusajs/ui"
import { useEffect, useRef, useState, type FormEvent } from "react"
import type { AcronisSubAccount, CreateSubAccountBody, SimilarSubAccount } from "../types"
import { SelectField, TextField } from "./account-field"
import { fieldErrorsOf } from "./account-format"
import { useAcronis } from "./context"
import { errorMessage } from "./errors"
import { pollDelay } from "./polling"

const FIELDS = ["kind", "name", "email", "phone", "address_1", "city", "postal_code", "country_code"] as const
type Field = (typeof FIELDS)[number]
const EMPTY: Record<Field, string> = { kind: "end_customer", name: "", email: "", phone: "", address_1: "", city: "", postal_code: "", country_code: "" }
const REASONS: Record<string, string> = { name: "a similar name", address: "the same address", email_domain: "the same e-mail domain" }

/**
 * A reseller's new sub-account: the form first asks for the reseller's sub-accounts that look like it, shows
 * them with why they match and asks to confirm; then creates it and waits until Acronis has its tenant
 * ("PENDING" → the account number).
 */
export function AcronisNewSubAccountForm({ onCreated, onCancel }: { onCreated?: (subAccount: AcronisSubAccount) => void; onCancel?: () => void }) {
  const { acronis } = useAcronis()
  const [values, setValues] = useState(EMPTY)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [matches, setMatches] = useState<SimilarSubAccount[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState<AcronisSubAccount | null>(null)
  // Answers asked for since the account was created (or "Check again"), and why the last ask failed.
  const [polls, setPolls] = useState(0)
  const [pollError, setPollError] = useState<string | null>(null)
  const reviewHeading = useRef<HTMLHeadingElement>(null)
  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }))
    setMatches(null)
  }

  useEffect(() => {
    if (matches?.length) reviewHeading.current?.focus()
  }, [matches])

  // Poll until the tenant exists (or provisioning failed); the reseller sees the account number appear.
  useEffect(() => {
    if (!created || created.status !== "pending" || created.provisioning_error || pollError) return
    const delay = pollDelay(polls)
    if (delay === null) return
    const timer = window.setTimeout(async () => {
      try {
        const { sub_account } = await acronis.subAccounts.retrieve(created.id)
        setCreated(sub_account)
        setPolls((n) => n + 1)
        if (sub_account.status === "active") onCreated?.(sub_account)
      } catch (e) {
        setPollError(errorMessage(e))
      }
    }, delay)
    return () => window.clearTimeout(timer)
  }, [acronis, created, onCreated, polls, pollError])

  const checkAgain = () => {
    setPollError(null)
    setPolls(0)
  }

  const body = (): CreateSubAccountBody => ({
    kind: values.kind as CreateSubAccountBody["kind"],
    name: values.name.trim(),
    email: values.email.trim(),
    phone: values.phone.trim() || null,
    address_1: values.address_1.trim(),
    city: values.city.trim(),
    postal_code: values.postal_code.trim(),
    country_code: values.country_code.trim(),
  })

  const missing = () => {
    const found: Partial<Record<Field, string>> = {}
    for (const field of ["name", "email", "address_1", "city", "postal_code", "country_code"] as const) {
      if (!values[field].trim()) found[field] = "Required."
    }
    if (values.country_code.trim() && !/^[A-Za-z]{2}$/.test(values.country_code.trim())) found.country_code = 'Two letters (ISO 3166-1), e.g. "DE".'
    return found
  }

  // The server's refusal at its fields, and the focus on the first of them.
  const showRefusal = (e: unknown) => {
    const { fields, general } = fieldErrorsOf(errorMessage(e), FIELDS)
    setErrors(fields)
    setFormError(general)
    const first = FIELDS.find((f) => fields[f])
    if (first) window.setTimeout(() => document.getElementById(`sub-account-${first}`)?.focus(), 0)
  }

  const create = async () => {
    setBusy(true)
    setFormError(null)
    try {
      const { sub_account } = await acronis.subAccounts.create(body())
      setCreated(sub_account)
      setPolls(0)
      setPollError(null)
      setMatches(null)
    } catch (e) {
      showRefusal(e)
      setMatches(null)
    } finally {
      setBusy(false)
    }
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const found = missing()
    setErrors(found)
    setFormError(null)
    if (Object.keys(found).length) {
      document.getElementById(`sub-account-${Object.keys(found)[0]}`)?.focus()
      return
    }
    if (matches) return create()
    setBusy(true)
    try {
      const { name, email, address_1, postal_code, country_code } = body()
      const answer = await acronis.subAccounts.similar({ name, email, address_1, postal_code, country_code })
      setBusy(false)
      if (answer.matches.length) setMatches(answer.matches)
      else await create()
    } catch (e) {
      setBusy(false)
      showRefusal(e)
    }
  }

  if (created) {
    const pending = created.status === "pending" && !created.provisioning_error
    const stalled = pending && (pollError !== null || pollDelay(polls) === null)
    return (
      <div className="flex flex-col gap-y-3" role="status" aria-live="polite">
        <Heading level="h3">{created.name}</Heading>
        {pending && !stalled && <Text>Setting up the account in Acronis… Account number: {created.account_number}</Text>}
        {stalled && (
          <div className="flex flex-col items-start gap-y-2">
            {pollError ? (
              <Alert variant="error">We could not check on the account just now: {pollError}</Alert>
            ) : (
              <Text>Acronis is taking longer than usual to set up the account (account number {created.account_number}). It carries on; check again in a while.</Text>
            )}
            <Button variant="secondary" size="small" onClick={checkAgain}>
              Check again
            </Button>
          </div>
        )}
        {created.status === "active" && (
          <Alert variant="success">
            {created.name} is ready. Account number: <span data-testid="sub-account-number">{created.account_number}</span>
          </Alert>
        )}
        {created.provisioning_error && <Alert variant="error">Acronis could not set up the account yet: {created.provisioning_error}. We will retry it.</Alert>}
        <div>
          <Button
            variant="secondary"
            onClick={() => {
              setCreated(null)
              setValues(EMPTY)
            }}
          >
            Add another sub-account
          </Button>
        </div>
      </div>
    )
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="new-sub-account-heading" className="flex flex-col gap-y-4">
      <Heading level="h3" id="new-sub-account-heading">
        New sub-account
      </Heading>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField
          id="sub-account-kind"
          label="Kind"
          value={values.kind}
          error={errors.kind}
          onChange={set("kind")}
          options={[
            { value: "end_customer", label: "End customer" },
            { value: "sub_division", label: "Sub-division" },
          ]}
        />
        <TextField id="sub-account-name" label="Company name" required value={values.name} error={errors.name} onChange={set("name")} autoComplete="organization" />
        <TextField id="sub-account-email" label="E-mail" type="email" required value={values.email} error={errors.email} onChange={set("email")} autoComplete="email" />
        <TextField id="sub-account-phone" label="Phone" type="tel" value={values.phone} error={errors.phone} onChange={set("phone")} autoComplete="tel" />
        <TextField id="sub-account-address_1" label="Address" required value={values.address_1} error={errors.address_1} onChange={set("address_1")} autoComplete="address-line1" />
        <TextField id="sub-account-city" label="City" required value={values.city} error={errors.city} onChange={set("city")} autoComplete="address-level2" />
        <TextField id="sub-account-postal_code" label="Postal code" required value={values.postal_code} error={errors.postal_code} onChange={set("postal_code")} autoComplete="postal-code" />
        <TextField
          id="sub-account-country_code"
          label="Country"
          required
          value={values.country_code}
          error={errors.country_code}
          hint='Two-letter code, e.g. "US" or "DE".'
          onChange={set("country_code")}
          autoComplete="country"
        />
      </div>
      {formError && (
        <Alert variant="error" role="alert">
          {formError}
        </Alert>
      )}
      {matches && (
        <section aria-labelledby="similar-heading" className="bg-ui-bg-subtle flex flex-col gap-y-3 rounded-lg p-4">
          <h3 id="similar-heading" ref={reviewHeading} tabIndex={-1} className="txt-compact-medium-plus text-ui-fg-base outline-none">
            You may have this customer already
          </h3>
          <Text size="small">These sub-accounts look like the one you are creating. Create it anyway only if it is a different customer.</Text>
          <ul className="flex flex-col gap-y-2">
            {matches.map(({ sub_account, reasons }) => (
              <li key={sub_account.id} className="bg-ui-bg-base rounded-md p-3 shadow-borders-base">
                <Text weight="plus">{sub_account.name}</Text>
                <Text size="small" className="text-ui-fg-subtle">
                  {sub_account.email} · {sub_account.address_1}, {sub_account.postal_code} {sub_account.city}, {sub_account.country_code.toUpperCase()} · account{" "}
                  {sub_account.account_number}
                </Text>
                <Text size="small" className="text-ui-fg-subtle">
                  Matches on {reasons.map((r) => REASONS[r] ?? r).join(", ")}
                </Text>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="flex gap-x-3">
        <Button type="submit" isLoading={busy}>
          {matches ? "Create it anyway" : "Create sub-account"}
        </Button>
        {matches ? (
          <Button type="button" variant="secondary" onClick={() => setMatches(null)}>
            Back to the form
          </Button>
        ) : (
          onCancel && (
            <Button type="button" variant="secondary" onClick={onCancel}>
              Cancel
            </Button>
          )
        )}
      </div>
    </form>
  )
}
