"use client"

import { Alert, Text } from "@medusajs/ui"
import type { AcronisOffer } from "../types"
import { formatAmount } from "./money"

type Props = {
  contract: NonNullable<AcronisOffer["contract"]>
  /** The region's currency: the commitment is shown in it. */
  currencyCode: string
}

/** A CSP contract tier: its number, the minimum monthly commitment in the region's currency, and who may buy it. */
export function AcronisContractTier({ contract, currencyCode }: Props) {
  const minimum = contract.minimum_monthly_commitment[currencyCode.toLowerCase()]
  const amount = typeof minimum === "number" ? minimum : null
  return (
    <div className="flex flex-col gap-y-4">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        <dt>
          <Text size="small" className="text-ui-fg-subtle">
            Tier
          </Text>
        </dt>
        <dd>
          <Text size="small" weight="plus">
            {contract.tier ?? "—"}
          </Text>
        </dd>
        <dt>
          <Text size="small" className="text-ui-fg-subtle">
            Minimum monthly commitment
          </Text>
        </dt>
        <dd>
          <Text size="small" weight="plus">
            {amount === null ? `Not sold in ${currencyCode.toUpperCase()}` : amount === 0 ? "None" : `${formatAmount(amount, currencyCode)} a month`}
          </Text>
        </dd>
      </dl>
      {contract.resellers_only && (
        <Alert variant="info">
          Resellers only: CSP contracts are sold to resellers for their own use. Sign in with your reseller account to order.
        </Alert>
      )}
    </div>
  )
}
