"use client"

import type { HttpTypes } from "@medusajs/types"
import { useAcronis } from "medusa-plugin-acronis/storefront/react"
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react"

const CART_KEY = "acronis_example_cart_id"
const REGION_KEY = "acronis_example_region_id"

type StoreState = {
  /** The signed-in customer, `null` for a guest, `undefined` while loading. */
  customer: HttpTypes.StoreCustomer | null | undefined
  cart: HttpTypes.StoreCart | null
  refreshCustomer: () => Promise<void>
  /** Reloads the cart (after a change made through the sdk or the plugin's client). */
  refreshCart: () => Promise<HttpTypes.StoreCart | null>
  /** The open cart, created in `regionId` (or the first region) when there is none. */
  ensureCart: (regionId?: string) => Promise<HttpTypes.StoreCart>
  /** Forgets the cart (after the order is placed). */
  clearCart: () => void
  signOut: () => Promise<void>
  /** The store's regions, `[]` while loading. */
  regions: HttpTypes.StoreRegion[]
  /** The shopper's region: the open cart's, else the one chosen, else the first. Prices show in its currency. */
  region: HttpTypes.StoreRegion | null
  /** Chooses the region (and moves the open cart to it). */
  setRegionId: (regionId: string) => Promise<void>
}

const StoreContext = createContext<StoreState | null>(null)

const CART_FIELDS = "*items,*items.variant,*items.product,*region,*shipping_methods,+items.metadata,+metadata"

/** The signed-in customer and the open cart, kept in the browser (the cart id in localStorage). */
export function StoreProvider({ children }: { children: ReactNode }) {
  const { sdk } = useAcronis()
  const [customer, setCustomer] = useState<StoreState["customer"]>(undefined)
  const [cart, setCart] = useState<HttpTypes.StoreCart | null>(null)
  const [regions, setRegions] = useState<HttpTypes.StoreRegion[]>([])
  const [chosenRegionId, setChosenRegionId] = useState<string | null>(null)

  const refreshCustomer = useCallback(async () => {
    const me = await sdk.store.customer.retrieve().catch(() => null)
    setCustomer(me?.customer ?? null)
  }, [sdk])

  const refreshCart = useCallback(async () => {
    const id = window.localStorage.getItem(CART_KEY)
    if (!id) {
      setCart(null)
      return null
    }
    const found = await sdk.store.cart.retrieve(id, { fields: CART_FIELDS }).catch(() => null)
    // A completed cart is an order now: start a new one next time.
    const open = found?.cart && !found.cart.completed_at ? found.cart : null
    if (!open) window.localStorage.removeItem(CART_KEY)
    setCart(open)
    return open
  }, [sdk])

  const ensureCart = useCallback(
    async (regionId?: string) => {
      const open = cart ?? (await refreshCart())
      if (open && (!regionId || open.region_id === regionId)) return open
      const region = regionId ?? chosenRegionId ?? (await sdk.store.region.list({ limit: 1 })).regions[0]?.id
      const created = open
        ? await sdk.store.cart.update(open.id, { region_id: region }, { fields: CART_FIELDS })
        : await sdk.store.cart.create({ region_id: region }, { fields: CART_FIELDS })
      window.localStorage.setItem(CART_KEY, created.cart.id)
      setCart(created.cart)
      return created.cart
    },
    [cart, chosenRegionId, refreshCart, sdk]
  )

  const setRegionId = useCallback(
    async (regionId: string) => {
      window.localStorage.setItem(REGION_KEY, regionId)
      setChosenRegionId(regionId)
      if (cart && cart.region_id !== regionId) {
        const { cart: moved } = await sdk.store.cart.update(cart.id, { region_id: regionId }, { fields: CART_FIELDS })
        setCart(moved)
      }
    },
    [cart, sdk]
  )

  const clearCart = useCallback(() => {
    window.localStorage.removeItem(CART_KEY)
    setCart(null)
  }, [])

  const signOut = useCallback(async () => {
    await sdk.auth.logout().catch(() => undefined)
    clearCart()
    setCustomer(null)
  }, [sdk, clearCart])

  useEffect(() => {
    void refreshCustomer()
    void refreshCart()
    setChosenRegionId(window.localStorage.getItem(REGION_KEY))
    sdk.store.region
      .list({ limit: 50, fields: "id,name,currency_code,*countries" })
      .then(({ regions }) => setRegions(regions))
      .catch(() => setRegions([]))
  }, [refreshCustomer, refreshCart, sdk])

  const region = regions.find((r) => r.id === cart?.region_id) ?? regions.find((r) => r.id === chosenRegionId) ?? regions[0] ?? null

  return (
    <StoreContext.Provider
      value={{ customer, cart, refreshCustomer, refreshCart, ensureCart, clearCart, signOut, regions, region, setRegionId }}
    >
      {children}
    </StoreContext.Provider>
  )
}

export function useStore(): StoreState {
  const value = useContext(StoreContext)
  if (!value) throw new Error("useStore must be used inside <StoreProvider>")
  return value
}
