import { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminUpsertAcronisOffer } from "./validators"
import { validateAcronisBody } from "../../../../validate-request"

export const adminAcronisOfferMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/products/:id/acronis-offer",
    methods: ["POST"],
    middlewares: [validateAcronisBody(AdminUpsertAcronisOffer)],
  },
]
