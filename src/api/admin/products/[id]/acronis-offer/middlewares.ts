import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminUpsertAcronisOffer } from "./validators"

export const adminAcronisOfferMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/products/:id/acronis-offer",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminUpsertAcronisOffer)],
  },
]
