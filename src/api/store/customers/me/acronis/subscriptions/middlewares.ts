import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"

export const storeCustomerAcronisSubscriptionMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/customers/me/acronis/subscriptions",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
]
