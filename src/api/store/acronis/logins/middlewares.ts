import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreAcronisLoginAvailability } from "./validators"

/** `/store/acronis/logins/*`: live feedback on a login while the shopper types it. */
export const storeAcronisLoginMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/acronis/logins/availability",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreAcronisLoginAvailability, {})],
  },
]
