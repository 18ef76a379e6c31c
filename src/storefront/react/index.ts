/**
 * React components of the plugin's storefront screens, on `@medusajs/ui` and Tailwind (the Medusa starter's
 * look). Client components: render them inside `AcronisStorefrontProvider`, in server-rendered pages alike.
 */
export { AcronisStorefrontProvider, useAcronis } from "./context"

// Shopping and checkout.
export { errorMessage, errorStatus, fieldErrorMessage, refusedField } from "./errors"
export { formatAmount } from "./money"
export { looksLikeEmail } from "./validation"
export { CheckboxField, Field, NativeSelect, type FieldControlProps } from "./field"
export { AcronisOfferBadge, acronisOfferTypeLabel } from "./acronis-offer-badge"
export { AcronisBasketSettingsForm, missingBasketSettings, type AcronisBasketSettingsErrors } from "./acronis-basket-settings-form"
export { AcronisContractTier } from "./acronis-contract-tier"
export {
  AcronisPlanOrderForm,
  initialPlanOrder,
  missingPlanOrderFields,
  PLAN_ORDER_FIELDS,
  type AcronisPlanOrderErrors,
} from "./acronis-plan-order-form"
export { AddAcronisToCart } from "./add-acronis-to-cart"
export { AcronisLineItemSettings } from "./acronis-line-item-settings"
export { AcronisTermsStep } from "./acronis-terms-step"
export { AcronisBillingCheck } from "./acronis-billing-check"
export { AcronisServiceDetailsStep } from "./acronis-service-details-step"
export { AcronisProvisioningProgress } from "./acronis-provisioning-progress"
export { AcronisManageServiceLink } from "./manage-service-link"

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
