"use client"

import { Badge } from "@medusajs/ui"
import type { AcronisOfferType } from "../types"

const BADGES: Record<AcronisOfferType, { label: string; color: "blue" | "purple" | "green" }> = {
  ppu: { label: "Pay per use", color: "blue" },
  contract: { label: "CSP contract, resellers only", color: "purple" },
  plan: { label: "Seat plan", color: "green" },
}

/** How an Acronis product is sold, as a badge on its card or page. */
export function AcronisOfferBadge({ type, className }: { type: AcronisOfferType; className?: string }) {
  const badge = BADGES[type]
  return (
    <Badge size="2xsmall" color={badge.color} className={className}>
      {badge.label}
    </Badge>
  )
}

/** The badge's words, for a page title or a list that shows no badge. */
export const acronisOfferTypeLabel = (type: AcronisOfferType) => BADGES[type].label
