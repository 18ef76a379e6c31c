import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCreateReseller, AdminListResellers } from "./validators"

export const adminResellerMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/acronis/resellers", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListResellers, {})] },
  { matcher: "/admin/acronis/resellers", methods: ["POST"], middlewares: [validateAndTransformBody(AdminCreateReseller)] },
]
