import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { requireReseller } from "../reseller-context"
import {
  StoreAddSubAccountUsers,
  StoreCreateSubAccount,
  StoreImportSubAccountUsers,
  StoreListSubAccounts,
  StoreReviewSubAccount,
} from "./validators"
import { validateAcronisBody, validateAcronisQuery } from "../../../validate-request"

const resellerOnly = [authenticate("customer", ["session", "bearer"]), requireReseller]

/** Store routes of a reseller's own sub-accounts and users (`/store/acronis/reseller`, `/store/acronis/sub-accounts*`). */
export const storeSubAccountMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/acronis/reseller", middlewares: resellerOnly },
  { matcher: "/store/acronis/sub-accounts*", middlewares: resellerOnly },
  {
    matcher: "/store/acronis/sub-accounts",
    methods: ["GET"],
    middlewares: [validateAcronisQuery(StoreListSubAccounts, { isList: false })],
  },
  { matcher: "/store/acronis/sub-accounts", methods: ["POST"], middlewares: [validateAcronisBody(StoreCreateSubAccount)] },
  { matcher: "/store/acronis/sub-accounts/review", methods: ["POST"], middlewares: [validateAcronisBody(StoreReviewSubAccount)] },
  { matcher: "/store/acronis/sub-accounts/:id/users", methods: ["POST"], middlewares: [validateAcronisBody(StoreAddSubAccountUsers)] },
  {
    matcher: "/store/acronis/sub-accounts/:id/users/import",
    methods: ["POST"],
    // A 1 MB file grows a little when JSON-escaped; the file's own limit is checked on the text.
    bodyParser: { sizeLimit: "3mb" },
    middlewares: [validateAcronisBody(StoreImportSubAccountUsers)],
  },
]
