import { z } from "@medusajs/framework/zod"
import { FILE_SYNC_SHARE_MODELS, PROTECTION_MODELS } from "../../../../modules/acronis/domain/licensing"

/** The "add product to customer" wizard (seed 000): customer, plan, interval, reference and details. */
export const AdminAddAcronisProductToCustomer = z
  .object({
    customer_id: z.string().min(1),
    product_id: z.string().min(1),
    region_id: z.string().min(1).optional(),
    billing_interval: z.enum(["month", "year"]).default("month"),
    reference: z.string().trim().min(1, "give the customer a reference to recognise the product by").max(100),
    details: z.string().max(1000).optional(),
    login: z.string().trim().min(3).max(255).optional(),
    email: z.email().optional(),
    protection_licensing_model: z.enum(PROTECTION_MODELS).optional(),
    file_sync_share_licensing_model: z.enum(FILE_SYNC_SHARE_MODELS).optional(),
    /**
     * A plan's order form, the storefront's `metadata.plan_order` (seed 004); required when the offer has one
     * (`GET /admin/products/:id/acronis-offer/plan-form`), checked field by field as at checkout.
     */
    plan_order: z.record(z.string(), z.unknown()).optional(),
    /** Provision now; otherwise the order waits for `POST /admin/acronis/orders/:id/execute`. */
    execute: z.boolean().default(false),
  })
  .strict()

export type AdminAddAcronisProductToCustomerType = z.infer<typeof AdminAddAcronisProductToCustomer>
