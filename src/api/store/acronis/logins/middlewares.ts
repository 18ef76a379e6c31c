import { authenticate, type AuthenticatedMedusaRequest, type MiddlewareRoute } from "@medusajs/framework/http"
import { rateLimit } from "../../../rate-limit"
import { validateAcronisQuery } from "../../../validate-request"
import { StoreAcronisLoginAvailability, StoreAcronisLoginProposal } from "./validators"

/**
 * `/store/acronis/logins/*`: live feedback on a login while the shopper types it. Each unknown login costs a
 * `check_login` on the merchant's Acronis client, so only signed-in customers may ask, 30 times a minute.
 */
export const storeAcronisLoginMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/acronis/logins/availability",
    methods: ["GET"],
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      rateLimit({ max: 30, windowMs: 60_000, key: (req) => (req as AuthenticatedMedusaRequest).auth_context.actor_id }),
      validateAcronisQuery(StoreAcronisLoginAvailability, {}),
    ],
  },
  {
    // A proposal may ask Acronis up to five times (one per candidate): fewer proposals a minute.
    matcher: "/store/acronis/logins/proposal",
    methods: ["GET"],
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      rateLimit({ max: 6, windowMs: 60_000, key: (req) => (req as AuthenticatedMedusaRequest).auth_context.actor_id }),
      validateAcronisQuery(StoreAcronisLoginProposal, {}),
    ],
  },
]
