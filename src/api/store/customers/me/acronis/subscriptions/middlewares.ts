import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreAcronisSubscriptionChange } from "./validators"
import { validateAcronisBody } from "../../../../../validate-request"
import { refuseDataLocationChange } from "../../../../../admin/acronis/subscriptions/refuse-data-location-change"

const customerOnly = authenticate("customer", ["session", "bearer"])

export const storeCustomerAcronisSubscriptionMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/customers/me/acronis/subscriptions",
    methods: ["GET"],
    middlewares: [customerOnly],
  },
  // Changes of the customer's own subscriptions: signed in first (401), then the body (400); the routes
  // answer 404 for anyone else's.
  { matcher: "/store/customers/me/acronis/subscriptions/:id/changes", methods: ["GET"], middlewares: [customerOnly] },
  {
    matcher: "/store/customers/me/acronis/subscriptions/:id/changes",
    methods: ["POST"],
    middlewares: [customerOnly, refuseDataLocationChange("customer"), validateAcronisBody(StoreAcronisSubscriptionChange)],
  },
  {
    matcher: "/store/customers/me/acronis/subscriptions/:id/changes/preview",
    methods: ["POST"],
    middlewares: [customerOnly, refuseDataLocationChange("customer"), validateAcronisBody(StoreAcronisSubscriptionChange)],
  },
]
