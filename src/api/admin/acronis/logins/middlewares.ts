import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAcronisQuery } from "../../../validate-request"
import { AdminAcronisLoginProposal } from "./validators"

export const adminAcronisLoginMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/acronis/logins/proposal",
    methods: ["GET"],
    middlewares: [validateAcronisQuery(AdminAcronisLoginProposal, {})],
  },
]
