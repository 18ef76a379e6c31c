import { defineMiddlewares, type MiddlewareRoute } from "@medusajs/framework/http"
import { acronisAwareErrorHandler } from "./acronis-error-handler"
import { refuseUnreadableInput } from "./validate-request"
import { adminAcronisMiddlewares } from "./admin/acronis/middlewares"
import { adminAcronisOfferMiddlewares } from "./admin/products/[id]/acronis-offer/middlewares"
import { adminAcronisCustomerOrderMiddlewares } from "./admin/acronis/customer-orders/middlewares"
import { adminAcronisLoginMiddlewares } from "./admin/acronis/logins/middlewares"
import { adminResellerMiddlewares } from "./admin/acronis/resellers/middlewares"
import { storeSubAccountMiddlewares } from "./store/acronis/sub-accounts/middlewares"
import { storeCartAcronisMiddlewares } from "./store/carts/[id]/acronis/middlewares"
import { storeAcronisLoginMiddlewares } from "./store/acronis/logins/middlewares"
import { adminAcronisSubscriptionMiddlewares } from "./admin/acronis/subscriptions/middlewares"
import { storeCustomerAcronisSubscriptionMiddlewares } from "./store/customers/me/acronis/subscriptions/middlewares"
import { adminAcronisBillingMiddlewares } from "./admin/acronis/billing/middlewares"
import { storeCustomerAcronisBillingMiddlewares } from "./store/customers/me/acronis/middlewares"

// Every plugin route, first: input no field may hold is refused before validators and routes see it.
const pluginRoutes = [
  "/admin/acronis*",
  "/admin/products/:id/acronis-offer",
  "/admin/products/:id/acronis-offer/plan-form",
  "/store/acronis*",
  "/store/carts/:id/acronis*",
  "/store/customers/me/acronis*",
  "/store/products/:id/acronis-offer",
]
const inputGuards: MiddlewareRoute[] = pluginRoutes.map((matcher) => ({ matcher, middlewares: [refuseUnreadableInput] }))

// One list per area, composed here: Medusa reads a single middlewares file.
export default defineMiddlewares({
  errorHandler: acronisAwareErrorHandler(),
  routes: [...inputGuards, ...adminAcronisMiddlewares, ...adminAcronisOfferMiddlewares, ...adminAcronisCustomerOrderMiddlewares, ...adminAcronisLoginMiddlewares, ...adminResellerMiddlewares, ...storeSubAccountMiddlewares, ...storeCartAcronisMiddlewares, ...storeAcronisLoginMiddlewares, ...adminAcronisSubscriptionMiddlewares, ...storeCustomerAcronisSubscriptionMiddlewares, ...adminAcronisBillingMiddlewares, ...storeCustomerAcronisBillingMiddlewares],
})
