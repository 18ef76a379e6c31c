export * from "./upsert-acronis-offer"
export * from "./delete-acronis-offer"
