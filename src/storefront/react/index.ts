/**
 * React components of the plugin's storefront screens, on `@medusajs/ui` and Tailwind (the Medusa starter's
 * look). Client components: render them inside `AcronisStorefrontProvider`, in server-rendered pages alike.
 */
export { AcronisStorefrontProvider, useAcronis } from "./context"
export { errorMessage, errorStatus } from "./errors"
