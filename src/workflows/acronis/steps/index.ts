export * from "./find-or-create-tenant"
export * from "./create-acronis-users"
export * from "./send-activation-emails"
