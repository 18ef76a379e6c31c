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
  /** False until the cart was first read from the browser's storage and the backend. */
  cartReady: boolean
  refreshCustomer: () => Promise<void>
  /** Reloads the cart (after a change made through the sdk or the plugin's client). */
  refreshCart: () => Promise<HttpTypes.StoreCart | null>
  /** The open cart, created in `regionId` (or the first region) when there is none. */
  ensureCart: (regionId?: string) => Promise<HttpTypes.StoreCart>
  /** Forgets the cart (after the order is placed). */
  clearCart: () => void
  signOut: () => Promise<void>
  /** Logs a customer in and gives them the open cart. Rejects with Medusa's refusal. */
  signIn: (email: string, password: string) => Promise<void>
  /** Registers a customer (an identity, then the customer), logs them in and gives them the open cart. */
  register: (details: { email: string; password: string; first_name: string; last_name: string; phone?: string }) => Promise<void>
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
  const [cartReady, setCartReady] = useState(false)
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
      setCartReady(true)
      return null
    }
    const found = await sdk.store.cart.retrieve(id, { fields: CART_FIELDS }).catch(() => null)
    // A completed cart is an order now: start a new one next time.
    const open = found?.cart && !found.cart.completed_at ? found.cart : null
    if (!open) window.localStorage.removeItem(CART_KEY)
    setCart(open)
    setCartReady(true)
    return open
  }, [sdk])

  const ensureCart = useCallback(
    async (regionId?: string) => {
      const open = cart ?? (await refreshCart())
      if (open && (!regionId || open.region_id === regionId)) return open
      const region = regionId ?? chosenRegionId ?? regions[0]?.id ?? (await sdk.store.region.list({ limit: 1, order: "created_at" })).regions[0]?.id
      const created = open
        ? await sdk.store.cart.update(open.id, { region_id: region }, { fields: CART_FIELDS })
        : await sdk.store.cart.create({ region_id: region }, { fields: CART_FIELDS })
      window.localStorage.setItem(CART_KEY, created.cart.id)
      setCart(created.cart)
      return created.cart
    },
    [cart, chosenRegionId, regions, refreshCart, sdk]
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

  // A guest's cart becomes the customer's (Medusa's transfer), so what was chosen before signing in stays.
  const afterSignIn = useCallback(async () => {
    await refreshCustomer()
    const id = window.localStorage.getItem(CART_KEY)
    if (id) {
      await sdk.store.cart.transferCart(id).catch(() => undefined)
      await refreshCart()
    }
  }, [refreshCustomer, refreshCart, sdk])

  const signIn = useCallback(
    async (email: string, password: string) => {
      const result = await sdk.auth.login("customer", "emailpass", { email, password })
      if (typeof result !== "string") throw new Error("This sign-in needs another step that this store does not offer.")
      await afterSignIn()
    },
    [sdk, afterSignIn]
  )

  const register = useCallback(
    async ({ email, password, ...names }: { email: string; password: string; first_name: string; last_name: string; phone?: string }) => {
      await sdk.auth.register("customer", "emailpass", { email, password })
      await sdk.store.customer.create({ email, ...names })
      await signIn(email, password)
    },
    [sdk, signIn]
  )

  useEffect(() => {
    void refreshCustomer()
    void refreshCart()
    setChosenRegionId(window.localStorage.getItem(REGION_KEY))
    sdk.store.region
      // In the order the merchant created them: the first is the default.
      .list({ limit: 50, order: "created_at", fields: "id,name,currency_code,created_at,*countries" })
      .then(({ regions }) => setRegions(regions))
      .catch(() => setRegions([]))
  }, [refreshCustomer, refreshCart, sdk])

  const region = regions.find((r) => r.id === cart?.region_id) ?? regions.find((r) => r.id === chosenRegionId) ?? regions[0] ?? null

  return (
    <StoreContext.Provider
      value={{ customer, cart, cartReady, refreshCustomer, refreshCart, ensureCart, clearCart, signOut, signIn, register, regions, region, setRegionId }}
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
