import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

export const AdminCreateReseller = z
  .object({
    /** The customer who will act for the reseller in the store. */
    customer_id: z.string().trim().min(1),
    name: z.string().trim().min(1).max(255),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .strict()
export type AdminCreateResellerType = z.infer<typeof AdminCreateReseller>

/** Medusa's list params (`fields`, `offset`, `limit`, `order`: newest first by default) and the resellers' filters. */
export const AdminListResellers = createFindParams({ offset: 0, limit: 20, order: "-created_at" }).extend({
  q: z.string().optional(),
  status: z.enum(["active", "disabled"]).optional(),
  /** The reseller this customer acts for (none, or one). */
  customer_id: z.string().trim().min(1).optional(),
  // Each row carries its customers and sub-accounts: a page stays bounded, as it was before these params.
  limit: z.coerce.number().int().min(1).max(100).optional().default(20),
  // Only the reseller's own columns: any other name would reach the database and fail there as a 500.
  order: z
    .string()
    .regex(/^-?(name|status|created_at|updated_at)$/, "order: one of name, status, created_at, updated_at, with - for descending")
    .optional()
    .default("-created_at"),
})
export type AdminListResellersType = z.infer<typeof AdminListResellers>

// A staff member adds users with the same checks and wording as the reseller in the store.
export {
  StoreAddSubAccountUsers as AdminAddSubAccountUsers,
  type StoreAddSubAccountUsersType as AdminAddSubAccountUsersType,
  StoreImportSubAccountUsers as AdminImportSubAccountUsers,
  type StoreImportSubAccountUsersType as AdminImportSubAccountUsersType,
} from "../../../store/acronis/sub-accounts/validators"
