"use client"

import { Alert, Button, Text } from "@medusajs/ui"
import { type FormEvent, useState } from "react"
import type { AcronisCheckoutStep } from "../types"
import { useAcronis } from "./context"
import { errorMessage } from "./errors"
import { CheckboxField } from "./field"

type Props = {
  cartId: string
  step: Extract<AcronisCheckoutStep, { step: "terms" }>
  /** After the consent was recorded. */
  onAccepted?: () => void
}

/**
 * The Acronis terms of use: a checkbox linking to them in the version the checkout names. Continuing without
 * ticking it says so at the checkbox; the consent is recorded on the cart with that version.
 */
export function AcronisTermsStep({ cartId, step, onAccepted }: Props) {
  const { acronis } = useAcronis()
  const [accepted, setAccepted] = useState(step.completed)
  const [error, setError] = useState<string | undefined>(undefined)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setRefusal(null)
    if (!accepted) {
      setError("Accept the terms of use to continue.")
      return
    }
    setError(undefined)
    setBusy(true)
    try {
      await acronis.checkout.acceptTerms(cartId, { terms_version: step.terms_version, accepted: true })
      onAccepted?.()
    } catch (caught) {
      setRefusal(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-y-4" aria-label="Terms of use">
      <Text size="small" className="text-ui-fg-subtle">
        Acronis Cyber Protect Cloud is provided under the Acronis terms of use. Please read them before you order.
      </Text>
      <CheckboxField
        label={
          <>
            I have read and accept the{" "}
            <a href={step.terms_url} target="_blank" rel="noreferrer" className="text-ui-fg-interactive underline">
              Acronis terms of use
            </a>{" "}
            (version {step.terms_version})
          </>
        }
        checked={accepted}
        error={error}
        disabled={busy}
        onChange={(checked) => {
          setAccepted(checked)
          if (checked) setError(undefined)
        }}
      />
      {step.accepted_at && (
        <Text size="small" className="text-ui-fg-subtle">
          Accepted on {new Date(step.accepted_at).toLocaleString()}.
        </Text>
      )}
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
