/**
 * React components of the plugin's storefront screens, on `@medusajs/ui` and Tailwind (the Medusa starter's
 * look). Client components: render them inside `AcronisStorefrontProvider`, in server-rendered pages alike.
 */
export { AcronisStorefrontProvider, useAcronis } from "./context"
export { errorMessage, errorStatus } from "./errors"

// Account and reseller screens (after the purchase).
export { AcronisAccountOverview, type AcronisAccountOverviewProps } from "./account-overview"
export { AcronisSubscriptionDetail, type AcronisSubscriptionDetailProps } from "./subscription-detail"
export { AcronisSubscriptionChanges } from "./subscription-changes"
export { AcronisUsageChart } from "./usage-chart"
export { AcronisResellerArea, type AcronisResellerAreaProps } from "./reseller-area"
export { AcronisNewSubAccountForm } from "./sub-account-form"
export { AcronisSubAccountDetail, type AcronisSubAccountDetailProps } from "./sub-account-detail"
export { AcronisOrderingFor } from "./ordering-for"
export type { AcronisLinkComponent } from "./account-field"
