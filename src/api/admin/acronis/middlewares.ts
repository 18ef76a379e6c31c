import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetAcronisCatalogue } from "./catalogue/validators"

export const adminAcronisMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/acronis/catalogue",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminGetAcronisCatalogue, {})],
  },
]
