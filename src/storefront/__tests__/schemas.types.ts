/**
 * Compile-time only: each request type of the storefront client is what its route's zod schema accepts
 * (`z.input`), both ways. `npm run typecheck` fails here when a schema changes and the client's type did not.
 * The client keeps its own written-out types so its declarations need none of the server's code.
 */
import type { z } from "@medusajs/framework/zod"
import type { StoreAcronisLoginAvailability, StoreAcronisLoginProposal } from "../../api/store/acronis/logins/validators"
import type {
  StoreAddSubAccountUsers,
  StoreCreateSubAccount,
  StoreImportSubAccountUsers,
  StoreListSubAccounts,
  StoreReviewSubAccount,
} from "../../api/store/acronis/sub-accounts/validators"
import type { StoreAcceptAcronisTerms, StoreAcronisServiceDetails } from "../../api/store/carts/[id]/acronis/validators"
import type { StoreAcronisSubscriptionChange } from "../../api/store/customers/me/acronis/subscriptions/validators"
import type { AcronisSettings } from "../../workflows/acronis-checkout/acronis-lines"
import type { planOrderSchema } from "../../workflows/acronis-checkout/plan-order"
import type { CheckoutStep } from "../../workflows/acronis-checkout/checkout-state"
import type { toStoreCheckoutView } from "../../api/store/carts/[id]/acronis/checkout-view"
import type { toStoreOfferView } from "../../modules/acronis/domain/store-offer-view"
import type * as Client from "../types"

// Type arguments are checked by assignability, as a value would be: each side must fit the other.
type Fits<A extends B, B> = A
type Same<A extends B, B extends C, C = A> = [Fits<A, B>, Fits<B, C>]

export type Check1 = Same<Client.AcceptAcronisTermsBody, z.input<typeof StoreAcceptAcronisTerms>>
export type Check2 = Same<Client.AcronisServiceDetailsBody, z.input<typeof StoreAcronisServiceDetails>>
export type Check3 = Same<Client.AcronisLoginAvailabilityQuery, z.input<typeof StoreAcronisLoginAvailability>>
export type Check4 = Same<Client.AcronisLoginProposalQuery, z.input<typeof StoreAcronisLoginProposal>>
export type Check5 = Same<Client.CreateSubAccountBody, z.input<typeof StoreCreateSubAccount>>
export type Check6 = Same<Client.ReviewSubAccountBody, z.input<typeof StoreReviewSubAccount>>
export type Check7 = Same<Client.AddSubAccountUsersBody, z.input<typeof StoreAddSubAccountUsers>>
export type Check8 = Same<Client.ImportSubAccountUsersBody, z.input<typeof StoreImportSubAccountUsers>>
// Coerced numbers accept anything as input: what the client sends must fit it, and what the route reads the client.
export type Check9 = [Fits<Client.ListSubAccountsQuery, z.input<typeof StoreListSubAccounts>>, Fits<z.output<typeof StoreListSubAccounts>, Client.ListSubAccountsQuery>]
// A loose object piped into a union: its input is loose, its output the union (licensing models as enums).
export type Check10 = [
  Fits<Client.AcronisSubscriptionChangeBody, z.input<typeof StoreAcronisSubscriptionChange>>,
  Fits<z.output<typeof StoreAcronisSubscriptionChange>, Client.AcronisSubscriptionChangeBody>,
]

// Answers built by typed server code: checked the same way.
export type Check11 = Same<Client.AcronisBasketSettings, AcronisSettings>
export type Check12 = Same<Client.AcronisCheckoutStep, CheckoutStep>
export type Check13 = Same<Client.AcronisCheckout["steps"], ReturnType<typeof toStoreCheckoutView>["steps"]>
export type Check15 = Same<Client.AcronisOffer["settings"], ReturnType<typeof toStoreOfferView>["settings"]>
export type Check16 = Same<Client.AcronisOffer["contract"], ReturnType<typeof toStoreOfferView>["contract"]>
// A plan's order form: what the storefront sends the schema takes, and what the schema reads the storefront knows.
export type Check17 = [Fits<Client.AcronisPlanOrder, z.input<typeof planOrderSchema>>, Fits<z.output<typeof planOrderSchema>, Client.AcronisPlanOrder>]
