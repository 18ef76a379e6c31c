"use client"

import { Alert, Button, Input } from "@medusajs/ui"
import { type FormEvent, useState } from "react"
import { useAcronis } from "./context"
import { errorMessage } from "./errors"
import { Field, NativeSelect } from "./field"
import { looksLikeEmail } from "./validation"

const FIELDS = ["first_name", "last_name", "company", "address_1", "address_2", "city", "postal_code", "province", "country_code", "phone"] as const
type AddressField = (typeof FIELDS)[number]
type Address = Record<AddressField, string>

/** The billing address fields the checkout requires (its `missing` names them `billing_address.<field>`). */
const REQUIRED: AddressField[] = ["first_name", "last_name", "address_1", "city", "postal_code", "country_code"]

const LABELS: Record<AddressField, string> = {
  first_name: "First name",
  last_name: "Last name",
  company: "Company",
  address_1: "Address",
  address_2: "Apartment, suite, etc.",
  city: "City",
  postal_code: "Postal code",
  province: "State / province",
  country_code: "Country",
  phone: "Phone",
}

const AUTOCOMPLETE: Record<AddressField, string> = {
  first_name: "given-name",
  last_name: "family-name",
  company: "organization",
  address_1: "address-line1",
  address_2: "address-line2",
  city: "address-level2",
  postal_code: "postal-code",
  province: "address-level1",
  country_code: "country",
  phone: "tel",
}

type Cart = {
  id: string
  email?: string | null
  billing_address?: Partial<Record<AddressField, string | null>> | null
}

type Props = {
  cart: Cart
  /** The countries of the cart's region: the address must be in one of them. */
  countries: { iso_2: string; display_name: string }[]
  /** The checkout's `billing` step `missing` (e.g. `billing_address.city`, `email`): shown at those fields. */
  missing?: string[]
  /** Also ask for the e-mail (a guest's cart, or `email` among `missing`). */
  askEmail?: boolean
  /** After the address was saved; the page reads the checkout again (and so `missing`). */
  onSaved?: () => void | Promise<void>
}

/**
 * The billing check: the buyer's billing address, each field the checkout still misses marked at that field.
 * The address is saved on the cart through Medusa's own cart route.
 */
export function AcronisBillingCheck({ cart, countries, missing = [], askEmail, onSaved }: Props) {
  const { sdk } = useAcronis()
  const initial = Object.fromEntries(FIELDS.map((field) => [field, cart.billing_address?.[field] ?? ""])) as Address
  if (!initial.country_code && countries.length === 1) initial.country_code = countries[0].iso_2
  const [address, setAddress] = useState<Address>(initial)
  const [email, setEmail] = useState(cart.email ?? "")
  const [errors, setErrors] = useState<Partial<Record<AddressField | "email", string>>>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const withEmail = askEmail || missing.includes("email")

  const [attempted, setAttempted] = useState(false)
  // What the server says is missing, shown until the shopper fills the field in: once an address was saved
  // (e.g. one taken over from an earlier cart) or continued with, not on a form never touched.
  const saved = FIELDS.some((field) => cart.billing_address?.[field])
  const serverMissing = Object.fromEntries(
    (attempted || saved ? missing : [])
      .map((path) => path.replace(/^billing_address\./, "") as AddressField | "email")
      .filter((field) => (field === "email" ? !email.trim() : !address[field as AddressField]?.trim()))
      .map((field) => [field, `${field === "email" ? "E-mail" : LABELS[field as AddressField]} is required for this order.`])
  )
  const shown = { ...serverMissing, ...errors }

  const set = (field: AddressField) => (event: { target: { value: string } }) => {
    setAddress({ ...address, [field]: event.target.value })
    setErrors((current) => ({ ...current, [field]: undefined }))
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setRefusal(null)
    setAttempted(true)
    const found: typeof errors = {}
    for (const field of REQUIRED) if (!address[field].trim()) found[field] = `Enter the ${LABELS[field].toLowerCase()}.`
    if (withEmail && !looksLikeEmail(email.trim())) found.email = "Enter a valid e-mail address."
    setErrors(found)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      const billing = Object.fromEntries(FIELDS.map((field) => [field, address[field].trim() || undefined]))
      await sdk.store.cart.update(cart.id, { billing_address: billing, ...(withEmail && { email: email.trim() }) })
      await onSaved?.()
    } catch (caught) {
      setRefusal(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  const input = (field: AddressField, className?: string) => (
    <Field key={field} label={LABELS[field]} required={REQUIRED.includes(field)} error={shown[field]} className={className}>
      {(control) =>
        field === "country_code" ? (
          <NativeSelect {...control} autoComplete={AUTOCOMPLETE[field]} value={address.country_code} onChange={set("country_code")} disabled={busy}>
            <option value="">Choose…</option>
            {countries.map((country) => (
              <option key={country.iso_2} value={country.iso_2}>
                {country.display_name}
              </option>
            ))}
          </NativeSelect>
        ) : (
          <Input {...control} autoComplete={AUTOCOMPLETE[field]} value={address[field]} onChange={set(field)} disabled={busy} />
        )
      }
    </Field>
  )

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-y-4" aria-label="Billing address">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {withEmail && (
          <Field label="E-mail" required error={shown.email} className="sm:col-span-2">
            {(control) => (
              <Input {...control} type="email" autoComplete="email" value={email} onChange={(event) => setEmail(event.target.value)} disabled={busy} />
            )}
          </Field>
        )}
        {input("first_name")}
        {input("last_name")}
        {input("company", "sm:col-span-2")}
        {input("address_1", "sm:col-span-2")}
        {input("address_2", "sm:col-span-2")}
        {input("postal_code")}
        {input("city")}
        {input("province")}
        {input("country_code")}
        {input("phone", "sm:col-span-2")}
      </div>
      {refusal && (
        <Alert variant="error" role="alert">
          {refusal}
        </Alert>
      )}
      <Button type="submit" className="self-start" isLoading={busy}>
        Continue
      </Button>
    </form>
  )
}
