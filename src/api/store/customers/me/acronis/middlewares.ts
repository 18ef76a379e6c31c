import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"

const customerOnly = [authenticate("customer", ["session", "bearer"])]

/** A customer's own usage billing: signed-in customers only, and only their own subscriptions (checked in the routes). */
export const storeCustomerAcronisBillingMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/customers/me/acronis/subscriptions/:id/usage", methods: ["GET"], middlewares: customerOnly },
  { matcher: "/store/customers/me/acronis/subscriptions/:id/usage/daily", methods: ["GET"], middlewares: customerOnly },
  { matcher: "/store/customers/me/acronis/subscriptions/:id/statements", methods: ["GET"], middlewares: customerOnly },
]
