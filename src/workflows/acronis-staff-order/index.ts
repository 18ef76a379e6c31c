export * from "./add-acronis-product-to-customer"
