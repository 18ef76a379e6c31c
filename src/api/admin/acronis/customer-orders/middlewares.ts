import { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminAddAcronisProductToCustomer } from "./validators"
import { validateAcronisBody } from "../../../validate-request"

export const adminAcronisCustomerOrderMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/acronis/customer-orders",
    methods: ["POST"],
    middlewares: [validateAcronisBody(AdminAddAcronisProductToCustomer)],
  },
]
