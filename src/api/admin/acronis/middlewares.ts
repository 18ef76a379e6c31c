import { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetAcronisCatalogue } from "./catalogue/validators"
import { validateAcronisQuery } from "../../validate-request"

export const adminAcronisMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/acronis/catalogue",
    methods: ["GET"],
    middlewares: [validateAcronisQuery(AdminGetAcronisCatalogue, {})],
  },
]
