// Acronis-facing steps shared by sub-account and order provisioning.
export * from "./steps"
