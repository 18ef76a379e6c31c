import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminAddAcronisProductToCustomer } from "./validators"

export const adminAcronisCustomerOrderMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/acronis/customer-orders",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminAddAcronisProductToCustomer)],
  },
]
