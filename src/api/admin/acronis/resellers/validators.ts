import { z } from "@medusajs/framework/zod"

export const AdminCreateReseller = z
  .object({
    /** The customer who will act for the reseller in the store. */
    customer_id: z.string().trim().min(1),
    name: z.string().trim().min(1).max(255),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .strict()
export type AdminCreateResellerType = z.infer<typeof AdminCreateReseller>

export const AdminListResellers = z.object({
  q: z.string().optional(),
  status: z.enum(["active", "disabled"]).optional(),
  /** The reseller this customer acts for (none, or one). */
  customer_id: z.string().trim().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional().default(20),
  offset: z.coerce.number().int().min(0).optional().default(0),
})
export type AdminListResellersType = z.infer<typeof AdminListResellers>

// A staff member adds users with the same checks and wording as the reseller in the store.
export {
  StoreAddSubAccountUsers as AdminAddSubAccountUsers,
  type StoreAddSubAccountUsersType as AdminAddSubAccountUsersType,
  StoreImportSubAccountUsers as AdminImportSubAccountUsers,
  type StoreImportSubAccountUsersType as AdminImportSubAccountUsersType,
} from "../../../store/acronis/sub-accounts/validators"
