// The plugin's public workflows, importable as `medusa-plugin-acronis/workflows`.
export * from "./notifications"
export * from "./acronis-offer"
export * from "./acronis"
export * from "./reseller"
export * from "./acronis-checkout"
export * from "./acronis-provisioning"
export * from "./acronis-billing"
export * from "./acronis-staff-order"
