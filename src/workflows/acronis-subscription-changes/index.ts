export * from "./change-acronis-subscription"
export * from "./preview-acronis-subscription-change"
export * from "./apply-acronis-term-changes"
export * from "./steps"
