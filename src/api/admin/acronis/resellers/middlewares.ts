import { type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminAddSubAccountUsers, AdminCreateReseller, AdminImportSubAccountUsers, AdminListResellers } from "./validators"
import { validateAcronisBody, validateAcronisQuery } from "../../../validate-request"
import { listResellersQueryConfig } from "./query-config"

export const adminResellerMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/acronis/resellers", methods: ["GET"], middlewares: [validateAcronisQuery(AdminListResellers, listResellersQueryConfig)] },
  { matcher: "/admin/acronis/resellers", methods: ["POST"], middlewares: [validateAcronisBody(AdminCreateReseller)] },
  {
    matcher: "/admin/acronis/resellers/:id/sub-accounts/:sub_account_id/users",
    methods: ["POST"],
    middlewares: [validateAcronisBody(AdminAddSubAccountUsers)],
  },
  {
    matcher: "/admin/acronis/resellers/:id/sub-accounts/:sub_account_id/users/import",
    methods: ["POST"],
    // As in the store: a 1 MB file grows a little when JSON-escaped.
    bodyParser: { sizeLimit: "3mb" },
    middlewares: [validateAcronisBody(AdminImportSubAccountUsers)],
  },
]
