import { z } from "@medusajs/framework/zod"

export const AdminGetAcronisCatalogue = z
  .object({
    kind: z.enum(["customer", "partner"]).default("customer"),
    parent_tenant_id: z.uuid().optional(),
  })
  .strict()

export type AdminGetAcronisCatalogueType = z.infer<typeof AdminGetAcronisCatalogue>
