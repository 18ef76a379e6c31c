"use client"

import type { AcronisListedOffer } from "medusa-plugin-acronis/storefront"
import { useAcronis } from "medusa-plugin-acronis/storefront/react"
import { useEffect, useState } from "react"

/** The store's Acronis offers by product id; `null` while loading. A product missing from it is a plain one. */
export function useAcronisOffers() {
  const { acronis } = useAcronis()
  const [offers, setOffers] = useState<Map<string, AcronisListedOffer> | null>(null)
  useEffect(() => {
    acronis.offers
      .list()
      .then(({ acronis_offers }) => setOffers(new Map(acronis_offers.map((offer) => [offer.product_id, offer]))))
      .catch(() => setOffers(new Map()))
  }, [acronis])
  return offers
}
