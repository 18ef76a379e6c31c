import type Medusa from "@medusajs/js-sdk"
import type * as T from "./types"

export type * from "./types"

/** Medusa's answer to a refused request: its HTTP status and message (e.g. the field a choice was refused for). */
export type { FetchError } from "@medusajs/js-sdk"

type Headers = Record<string, string | null>

const path = (...parts: string[]) => parts.map(encodeURIComponent).join("/")

export type AcronisStorefrontOptions = {
  /**
   * Sent with every call, under each call's own headers. For a storefront whose browser-side sdk holds no
   * session, e.g. one that keeps the customer's token in an httpOnly cookie and passes `authorization` down.
   */
  headers?: Headers
}

/**
 * A typed client of the plugin's store routes on the storefront's own `@medusajs/js-sdk` instance: every call
 * goes through `sdk.client.fetch`, so the publishable key and the customer's session or token are the ones the
 * storefront configured. No framework inside; it works in the browser and on the server alike. A refused
 * request rejects with the sdk's `FetchError` (`status`, `message`).
 *
 * Basket settings and plan order forms live in line items' metadata, a reseller's sub-account in the cart's:
 * `cart` writes them through Medusa's own cart routes. Everything else of the cart stays `sdk.store.cart`'s.
 */
export function createAcronisStorefront(sdk: Medusa, options: AcronisStorefrontOptions = {}) {
  const fetch = <R>(url: string, init?: { method?: "GET" | "POST"; body?: unknown; query?: object; headers?: Headers }) =>
    sdk.client.fetch<R>(url, { ...init, headers: { ...options.headers, ...init?.headers } } as Parameters<Medusa["client"]["fetch"]>[1])
  const post = <R>(url: string, body: unknown, headers?: Headers) => fetch<R>(url, { method: "POST", body, headers })

  return {
    offers: {
      /** Every Acronis product this storefront's sales channels sell, with its offer. */
      list: (headers?: Headers) => fetch<{ acronis_offers: T.AcronisListedOffer[]; count: number }>("/store/acronis/offers", { headers }),
      /** A product's offer: what the basket must ask for. 404 for a product that is not an Acronis product. */
      retrieve: (productId: string, headers?: Headers) =>
        fetch<{ acronis_offer: T.AcronisOffer }>(`/store/products/${path(productId)}/acronis-offer`, { headers }),
    },

    cart: {
      /**
       * Adds an Acronis item (quantity 1: a service is ordered once): a pay-per-use item with its basket settings,
       * a plan with its order form and, for a plan sold by more than one interval, the interval chosen.
       */
      addItem: (
        cartId: string,
        item: { variant_id: string; settings?: T.AcronisBasketSettings; plan_order?: T.AcronisPlanOrder; billing_interval?: "month" | "year" },
        headers?: Headers
      ) => {
        const acronis = item.settings || item.billing_interval ? { ...item.settings, ...(item.billing_interval && { billing_interval: item.billing_interval }) } : undefined
        return post<{ cart: Record<string, any> }>(
          `/store/carts/${path(cartId)}/line-items`,
          {
            variant_id: item.variant_id,
            quantity: 1,
            ...((acronis || item.plan_order) && {
              metadata: { ...(acronis && { acronis }), ...(item.plan_order && { plan_order: item.plan_order }) },
            }),
          },
          headers
        )
      },
      /** Changes a pay-per-use item's basket settings; the basket rules check them again. */
      setBasketSettings: (cartId: string, lineItemId: string, settings: T.AcronisBasketSettings, headers?: Headers) =>
        post<{ cart: Record<string, any> }>(
          `/store/carts/${path(cartId, "line-items", lineItemId)}`,
          { quantity: 1, metadata: { acronis: settings } },
          headers
        ),
      /** A reseller orders for one of its active sub-accounts; `null` orders for the reseller itself. */
      setSubAccount: (cartId: string, subAccountId: string | null, headers?: Headers) =>
        post<{ cart: Record<string, any> }>(`/store/carts/${path(cartId)}`, { metadata: { acronis_sub_account_id: subAccountId ?? "" } }, headers),
    },

    checkout: {
      /** The Acronis steps the cart needs, in order, each `required` and `completed`, and whether it is `ready`. */
      state: (cartId: string, headers?: Headers) =>
        fetch<{ acronis_checkout: T.AcronisCheckout }>(`/store/carts/${path(cartId)}/acronis/checkout`, { headers }),
      /** Accepts the terms of use in the version the `terms` step names. */
      acceptTerms: (cartId: string, body: T.AcceptAcronisTermsBody, headers?: Headers) =>
        post<{ acronis_terms_consent: T.AcronisTermsConsent }>(`/store/carts/${path(cartId)}/acronis/terms`, body, headers),
      /** The new Acronis account's login and activation e-mail; the login is reserved for this cart. */
      saveServiceDetails: (cartId: string, body: T.AcronisServiceDetailsBody, headers?: Headers) =>
        post<{ service_details: T.AcronisServiceDetails; acronis_checkout: T.AcronisCheckout }>(
          `/store/carts/${path(cartId)}/acronis/service-details`,
          body,
          headers
        ),
    },

    logins: {
      /** Signed-in customers only, 30 a minute: ask when the shopper pauses typing, not on every key. */
      availability: (query: T.AcronisLoginAvailabilityQuery, headers?: Headers) =>
        fetch<T.AcronisLoginAvailability>("/store/acronis/logins/availability", { query, headers }),
      /** A free login for a plan's administrator from a username and the customer's domain; 6 a minute. */
      proposal: (query: T.AcronisLoginProposalQuery, headers?: Headers) =>
        fetch<T.AcronisLoginProposal>("/store/acronis/logins/proposal", { query, headers }),
    },

    subscriptions: {
      /** The signed-in customer's subscriptions, newest first, with status and "Manage your service" URL. */
      list: (headers?: Headers) => fetch<{ subscriptions: T.AcronisSubscription[] }>("/store/customers/me/acronis/subscriptions", { headers }),
      /** The current month's usage and estimated charges. */
      usage: (id: string, headers?: Headers) =>
        fetch<{ usage: T.AcronisUsage }>(`/store/customers/me/acronis/subscriptions/${path(id)}/usage`, { headers }),
      /** The current month's synced usage per offering item and day (a day not synced is absent, not zero). */
      dailyUsage: (id: string, headers?: Headers) =>
        fetch<{ daily_usage: T.AcronisDailyUsage }>(`/store/customers/me/acronis/subscriptions/${path(id)}/usage/daily`, { headers }),
      /** Past statements, newest first. */
      statements: (id: string, headers?: Headers) =>
        fetch<{ statements: T.AcronisStatement[] }>(`/store/customers/me/acronis/subscriptions/${path(id)}/statements`, { headers }),
      /** Today's terms, what is scheduled and every change so far (the server's view, untyped beyond this). */
      changes: (id: string, headers?: Headers) =>
        fetch<Record<string, unknown>>(`/store/customers/me/acronis/subscriptions/${path(id)}/changes`, { headers }),
      /** What a change would cost; writes nothing. */
      previewChange: (id: string, body: T.AcronisSubscriptionChangeBody, headers?: Headers) =>
        post<{ preview: Record<string, unknown> }>(`/store/customers/me/acronis/subscriptions/${path(id)}/changes/preview`, body, headers),
      /** Confirms a change; answers with the change and the subscription after it. */
      change: (id: string, body: T.AcronisSubscriptionChangeBody, headers?: Headers) =>
        post<Record<string, unknown> & { subscription: T.AcronisSubscription }>(
          `/store/customers/me/acronis/subscriptions/${path(id)}/changes`,
          body,
          headers
        ),
    },

    reseller: {
      /** The reseller the customer acts for and its users; 403 for a customer who acts for none. */
      retrieve: (headers?: Headers) => fetch<{ reseller: T.AcronisReseller }>("/store/acronis/reseller", { headers }),
    },

    subAccounts: {
      list: (query: T.ListSubAccountsQuery = {}, headers?: Headers) =>
        fetch<{ sub_accounts: T.AcronisSubAccount[]; count: number; limit: number; offset: number }>("/store/acronis/sub-accounts", {
          query,
          headers,
        }),
      /** With its users. */
      retrieve: (id: string, headers?: Headers) =>
        fetch<{ sub_account: T.AcronisSubAccount & { users: T.AcronisSubAccountUser[] } }>(`/store/acronis/sub-accounts/${path(id)}`, { headers }),
      /** The reseller's sub-accounts that look like the one being entered, before creating it. Writes nothing. */
      similar: (body: T.ReviewSubAccountBody, headers?: Headers) =>
        post<{ matches: T.SimilarSubAccount[] }>("/store/acronis/sub-accounts/review", body, headers),
      /** Answers with it `pending` ("PENDING" account number); poll `retrieve` until it is `active`. */
      create: (body: T.CreateSubAccountBody, headers?: Headers) =>
        post<{ sub_account: T.AcronisSubAccount }>("/store/acronis/sub-accounts", body, headers),
      users: {
        list: (id: string, headers?: Headers) =>
          fetch<{ users: T.AcronisSubAccountUser[]; count: number }>(`/store/acronis/sub-accounts/${path(id)}/users`, { headers }),
        /** Adds users to an active sub-account; each gets Acronis's activation e-mail. */
        create: (id: string, body: T.AddSubAccountUsersBody, headers?: Headers) =>
          post<{ users: T.AcronisSubAccountUser[] }>(`/store/acronis/sub-accounts/${path(id)}/users`, body, headers),
        /** Checks a CSV file row by row and writes nothing: show this before `import`. */
        importPreview: (id: string, csv: string, headers?: Headers) =>
          post<T.UsersImportPreview>(`/store/acronis/sub-accounts/${path(id)}/users/import`, { csv, dry_run: true }, headers),
        /** Adds every user of the CSV file, or none: any error is a 400 listing them. */
        import: (id: string, csv: string, headers?: Headers) =>
          post<{ users: T.AcronisSubAccountUser[] }>(`/store/acronis/sub-accounts/${path(id)}/users/import`, { csv, dry_run: false }, headers),
      },
    },
  }
}

export type AcronisStorefront = ReturnType<typeof createAcronisStorefront>
