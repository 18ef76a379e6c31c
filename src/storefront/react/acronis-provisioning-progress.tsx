"use client"

import { Button, StatusBadge, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { AcronisSubscription } from "../types"
import { useAcronis } from "./context"
import { errorMessage } from "./errors"
import { AcronisManageServiceLink } from "./manage-service-link"

const STEPS = ["pending", "provisioning", "active"] as const

const STATUS: Record<string, { label: string; color: "grey" | "blue" | "green" | "red" | "orange"; text: string }> = {
  pending: { label: "Pending", color: "grey", text: "Your order is placed; your Acronis account is queued for creation." },
  provisioning: { label: "Setting up", color: "blue", text: "Creating your Acronis account and enabling the services you chose…" },
  active: { label: "Active", color: "green", text: "Your service is ready. Check your inbox for the activation e-mail to set your password." },
  // The store API keeps Acronis's own error to the shop's staff; the shopper learns what happens next.
  failed: {
    label: "Failed",
    color: "red",
    text: "We could not set up your service yet. The shop sees this and will set it up for you; you do not need to order again.",
  },
  suspended: { label: "Suspended", color: "orange", text: "This service is suspended." },
  cancelled: { label: "Cancelled", color: "grey", text: "This service is cancelled." },
}

type Props = {
  orderId: string
  /** How often to ask while a service is still being set up. */
  intervalMs?: number
}

/** After this long without settled services the page stops asking and says what happens next. */
const GIVE_UP_AFTER_MS = 2 * 60 * 1000
const MAX_INTERVAL_MS = 15000

/**
 * The Acronis services of an order as they are set up: pending → provisioning → active (or failed, with a
 * message), asked every few seconds (less often as time passes, for at most two minutes, then "Check again")
 * until each is settled, then "Manage your service" for each active one.
 */
export function AcronisProvisioningProgress({ orderId, intervalMs = 2000 }: Props) {
  const { acronis } = useAcronis()
  const [subscriptions, setSubscriptions] = useState<AcronisSubscription[] | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [gaveUp, setGaveUp] = useState(false)
  // Bumped by "Check again" to start a fresh round of asking.
  const [round, setRound] = useState(0)

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const started = Date.now()
    let delay = intervalMs
    setGaveUp(false)
    // Ask less often as time passes, and stop after a while rather than polling an order forever.
    const again = () => {
      if (Date.now() - started >= GIVE_UP_AFTER_MS) {
        setGaveUp(true)
        return
      }
      timer = setTimeout(poll, delay)
      delay = Math.min(delay * 1.5, MAX_INTERVAL_MS)
    }
    const poll = async () => {
      try {
        const { subscriptions } = await acronis.subscriptions.list()
        if (stopped) return
        const mine = subscriptions.filter((subscription) => subscription.order_id === orderId)
        setSubscriptions(mine)
        setFailure(null)
        // An order's subscriptions are saved just after it is placed: keep asking until they exist and settle.
        if (!mine.length || mine.some((subscription) => subscription.status === "pending" || subscription.status === "provisioning")) {
          again()
        }
      } catch (error) {
        if (stopped) return
        setFailure(errorMessage(error))
        again()
      }
    }
    void poll()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [acronis, orderId, intervalMs, round])

  const checkAgain = gaveUp ? (
    <div className="flex flex-col items-start gap-y-2">
      <Text size="small" className="text-ui-fg-subtle">
        {STATUS.failed.text} We will e-mail you when it is ready.
      </Text>
      <Button variant="secondary" size="small" onClick={() => setRound((value) => value + 1)}>
        Check again
      </Button>
    </div>
  ) : null

  if (subscriptions === null || !subscriptions.length) {
    return (
      <div role="status" aria-live="polite" className="flex flex-col gap-y-1">
        <Text weight="plus">Setting up your Acronis services</Text>
        {checkAgain ?? (
          <Text size="small" className="text-ui-fg-subtle">
            {failure ? `We could not check on them just now (${failure}); trying again…` : "Waiting for your order's services…"}
          </Text>
        )}
      </div>
    )
  }

  return (
    <div className="flex flex-col gap-y-4">
      <ul className="flex flex-col gap-y-4" aria-label="Your Acronis services">
        {subscriptions.map((subscription) => {
          const status = STATUS[subscription.status] ?? { label: subscription.status, color: "grey" as const, text: "" }
          const reached = STEPS.indexOf(subscription.status as (typeof STEPS)[number])
          return (
            <li key={subscription.id} className="border-ui-border-base flex flex-col gap-y-3 rounded-lg border p-4">
              <div className="flex items-center justify-between gap-x-4">
                <Text weight="plus">{subscription.service_name}</Text>
                <StatusBadge color={status.color}>{status.label}</StatusBadge>
              </div>
              <ol className="flex items-center gap-x-2" aria-label="Progress">
                {STEPS.map((name, index) => {
                  const done = subscription.status !== "failed" && reached >= index
                  return (
                    <li key={name} className="flex flex-1 flex-col gap-y-1">
                      <span aria-hidden="true" className={`h-1 rounded-full ${done ? "bg-ui-fg-interactive" : "bg-ui-bg-switch-off"}`} />
                      <Text size="xsmall" className={done ? "text-ui-fg-base" : "text-ui-fg-muted"}>
                        {STATUS[name].label}
                        <span className="sr-only">{done ? " (done)" : " (not yet)"}</span>
                      </Text>
                    </li>
                  )
                })}
              </ol>
              <Text size="small" role="status" aria-live="polite" className={subscription.status === "failed" ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
                {status.text}
              </Text>
              {subscription.login && (
                <Text size="small" className="text-ui-fg-subtle">
                  Login: <span className="text-ui-fg-base">{subscription.login}</span>
                  {subscription.email ? ` · activation e-mail to ${subscription.email}` : ""}
                </Text>
              )}
              <AcronisManageServiceLink subscription={subscription} className="self-start" />
            </li>
          )
        })}
      </ul>
      {checkAgain && (
        <div role="status" aria-live="polite">
          {checkAgain}
        </div>
      )}
    </div>
  )
}
