"use client"

import { Button, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { AcronisSubAccount } from "../types"
import { useAcronis } from "./context"
import { errorMessage } from "./errors"

/**
 * For the cart's header: which of the reseller's sub-accounts the cart orders for (its
 * `metadata.acronis_sub_account_id`), with a way back to ordering for the reseller itself. Nothing when the
 * cart orders for the customer. Give it `cart.metadata?.acronis_sub_account_id` (an empty string, as the
 * client writes "for the reseller itself", counts as none), and reload the cart in `onChanged`.
 */
export function AcronisOrderingFor({ cartId, subAccountId, onChanged }: { cartId: string; subAccountId: string | null | undefined; onChanged?: () => void }) {
  const { acronis } = useAcronis()
  const [subAccount, setSubAccount] = useState<AcronisSubAccount | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    setSubAccount(null)
    setError(null)
    if (!subAccountId) return
    // The cart may switch sub-accounts before an answer comes: only the current one's answer counts.
    let current = true
    acronis.subAccounts
      .retrieve(subAccountId)
      .then(({ sub_account }) => current && setSubAccount(sub_account))
      .catch((e) => current && setError(errorMessage(e)))
    return () => {
      current = false
    }
  }, [acronis, subAccountId])

  if (!subAccountId) return null
  return (
    <div role="status" className="bg-ui-bg-highlight border-ui-border-interactive flex flex-wrap items-center justify-between gap-3 rounded-lg border px-4 py-3" data-testid="acronis-ordering-for">
      <Text size="small">
        {subAccount ? (
          <>
            Ordering for <span className="font-medium">{subAccount.name}</span> (account {subAccount.account_number})
          </>
        ) : error ? (
          `Ordering for a sub-account: ${error}`
        ) : (
          "Ordering for a sub-account…"
        )}
      </Text>
      <Button
        size="small"
        variant="secondary"
        isLoading={busy}
        onClick={async () => {
          setBusy(true)
          try {
            await acronis.cart.setSubAccount(cartId, null)
            onChanged?.()
          } catch (e) {
            setError(errorMessage(e))
          } finally {
            setBusy(false)
          }
        }}
      >
        Order for yourself instead
      </Button>
    </div>
  )
}
