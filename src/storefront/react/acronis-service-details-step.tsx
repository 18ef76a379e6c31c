"use client"

import { Alert, Button, Input, Text } from "@medusajs/ui"
import { type FormEvent, useEffect, useRef, useState } from "react"
import type { AcronisCheckoutStep, AcronisLoginAvailability } from "../types"
import { useAcronis } from "./context"
import { errorMessage, fieldErrorMessage, refusedField } from "./errors"
import { Field } from "./field"
import { looksLikeEmail } from "./validation"

type Props = {
  cartId: string
  step: Extract<AcronisCheckoutStep, { step: "service_details" }>
  /** Proposed for the activation e-mail when none was saved (e.g. the customer's e-mail). */
  defaultEmail?: string
  /** After the login was saved and reserved for this cart. */
  onSaved?: () => void
  /** How long the shopper pauses typing before the login is checked; the route allows 30 checks a minute. */
  debounceMs?: number
  /**
   * A seat plan's administrator username and domain (its order form): offers "Suggest a login", a free login
   * made from them (e.g. admin2.contoso.com when admin.contoso.com is taken).
   */
  proposalFrom?: { username?: string; domain: string }
}

type Check = { state: "idle" } | { state: "checking"; login: string } | ({ state: "done" } & AcronisLoginAvailability) | { state: "error"; message: string }

/**
 * The new Acronis account's login and activation e-mail, on a first order. The login is checked live (free in
 * Acronis, not reserved by another order) once the shopper stops typing, and the answer is shown at the field;
 * a taken login cannot be saved.
 */
export function AcronisServiceDetailsStep({ cartId, step, defaultEmail, onSaved, debounceMs = 500, proposalFrom }: Props) {
  const { acronis } = useAcronis()
  const [login, setLogin] = useState(step.login ?? "")
  const [email, setEmail] = useState(step.email ?? defaultEmail ?? "")
  const [check, setCheck] = useState<Check>({ state: "idle" })
  const [errors, setErrors] = useState<{ login?: string; email?: string }>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [proposing, setProposing] = useState(false)
  const asked = useRef(0)
  const emailLogin = step.login_format === "email"

  useEffect(() => {
    const value = login.trim()
    // Every new value (the empty one too) outdates answers still on their way, so a late "taken" cannot land.
    const ticket = ++asked.current
    if (!value) {
      setCheck({ state: "idle" })
      return
    }
    const timer = setTimeout(() => {
      setCheck({ state: "checking", login: value })
      acronis.logins.availability({ login: value, cart_id: cartId }).then(
        (answer) => ticket === asked.current && setCheck({ state: "done", ...answer }),
        (error) => ticket === asked.current && setCheck({ state: "error", message: errorMessage(error) })
      )
    }, debounceMs)
    return () => clearTimeout(timer)
  }, [login, cartId, acronis, debounceMs])

  const taken = check.state === "done" && !check.available
  // The server's reason is a sentence that says what to do ("… is already taken in Acronis; choose another.").
  const loginError = errors.login ?? (taken ? (check.reason ?? "This login is not available; choose another.") : undefined)
  const loginStatus =
    check.state === "checking"
      ? "Checking whether this login is free…"
      : check.state === "done" && check.available
        ? `“${check.login}” is available.`
        : check.state === "error"
          ? `The login could not be checked now (${check.message}); it is checked again when you continue.`
          : null

  const propose = async () => {
    if (!proposalFrom) return
    setProposing(true)
    setErrors((current) => ({ ...current, login: undefined }))
    try {
      const proposal = await acronis.logins.proposal({ username: proposalFrom.username, domain: proposalFrom.domain, cart_id: cartId })
      if (proposal.login) setLogin(proposal.login)
      else setErrors((current) => ({ ...current, login: "No free login could be made from the domain; type one." }))
    } catch (caught) {
      setErrors((current) => ({ ...current, login: fieldErrorMessage(caught) }))
    } finally {
      setProposing(false)
    }
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setRefusal(null)
    const found: typeof errors = {}
    if (!login.trim()) found.login = emailLogin ? "Enter the e-mail address to sign in to Acronis with." : "Enter a login for your Acronis account."
    else if (emailLogin && !looksLikeEmail(login.trim())) found.login = "For a contract the login is an e-mail address."
    if (!looksLikeEmail(email.trim())) found.email = "Enter the e-mail address for the activation e-mail."
    setErrors(found)
    if (Object.keys(found).length || taken) return
    setBusy(true)
    try {
      await acronis.checkout.saveServiceDetails(cartId, { login: login.trim(), email: email.trim() })
      onSaved?.()
    } catch (caught) {
      // The route's refusals name the login ("The login … is already taken") or the e-mail in their text.
      const message = errorMessage(caught)
      const field = refusedField(caught, ["login", "email"] as const) ?? (/\blogin\b/i.test(message) ? "login" : /e-?mail/i.test(message) ? "email" : null)
      if (field) setErrors({ [field]: fieldErrorMessage(caught) })
      else setRefusal(message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-y-4" aria-label="Service details">
      <Text size="small" className="text-ui-fg-subtle">
        Your Acronis account is created when you place the order. Choose the login you will sign in to Acronis with; we send the
        activation e-mail to the address below.
      </Text>
      <Field
        label={emailLogin ? "Login (e-mail address)" : "Acronis login"}
        required
        error={loginError}
        hint={emailLogin ? "A contract's login is the reseller's e-mail address." : "A username (letters, digits, . _ -) or an e-mail address."}
      >
        {(control) => (
          <div className="flex flex-col gap-y-1">
            <Input
              {...control}
              autoComplete="username"
              value={login}
              disabled={busy}
              onChange={(event) => {
                setLogin(event.target.value)
                setErrors((current) => ({ ...current, login: undefined }))
              }}
            />
            {proposalFrom && !emailLogin && (
              <Button type="button" size="small" variant="secondary" className="mt-1 self-start" isLoading={proposing} onClick={propose}>
                Suggest a login from {proposalFrom.domain}
              </Button>
            )}
            <Text size="small" role="status" aria-live="polite" className={check.state === "done" && check.available ? "text-ui-fg-interactive" : "text-ui-fg-subtle"}>
              {loginStatus}
            </Text>
          </div>
        )}
      </Field>
      <Field label="Activation e-mail" required error={errors.email} hint="Where Acronis sends the link to set your password.">
        {(control) => <Input {...control} type="email" autoComplete="email" value={email} disabled={busy} onChange={(event) => setEmail(event.target.value)} />}
      </Field>
      {refusal && (
        <Alert variant="error" role="alert">
          {refusal}
        </Alert>
      )}
      <Button type="submit" className="self-start" isLoading={busy} disabled={taken || check.state === "checking"}>
        Continue
      </Button>
    </form>
  )
}
