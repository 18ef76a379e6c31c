export * from "./sync-acronis-usage"
export * from "./close-acronis-month"
export * from "./preview-acronis-statement"
export * from "./billable-subscriptions"
