import { type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCreateReseller, AdminListResellers } from "./validators"
import { validateAcronisBody, validateAcronisQuery } from "../../../validate-request"

export const adminResellerMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/acronis/resellers", methods: ["GET"], middlewares: [validateAcronisQuery(AdminListResellers, {})] },
  { matcher: "/admin/acronis/resellers", methods: ["POST"], middlewares: [validateAcronisBody(AdminCreateReseller)] },
]
