export * from "./find-or-create-tenant"
export * from "./create-acronis-users"
