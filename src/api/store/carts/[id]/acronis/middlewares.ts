import { type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreAcceptAcronisTerms, StoreAcronisServiceDetails } from "./validators"
import { validateAcronisBody } from "../../../../validate-request"

/** Store routes of the Acronis checkout steps of a cart (`/store/carts/:id/acronis/*`). */
export const storeCartAcronisMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/carts/:id/acronis/terms", methods: ["POST"], middlewares: [validateAcronisBody(StoreAcceptAcronisTerms)] },
  {
    matcher: "/store/carts/:id/acronis/service-details",
    methods: ["POST"],
    middlewares: [validateAcronisBody(StoreAcronisServiceDetails)],
  },
]
