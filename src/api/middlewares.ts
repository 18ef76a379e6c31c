import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAcronisMiddlewares } from "./admin/acronis/middlewares"
import { adminAcronisOfferMiddlewares } from "./admin/products/[id]/acronis-offer/middlewares"

// One list per area, composed here: Medusa reads a single middlewares file.
export default defineMiddlewares({
  routes: [...adminAcronisMiddlewares, ...adminAcronisOfferMiddlewares],
})
