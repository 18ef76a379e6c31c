import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

// "shop@example.com" or "Example Shop <shop@example.com>"
const SENDER = /^(?:[^<>]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/

const optionsSchema = z
  .object({
    /** Read by the Notification Module, not by us; allowed here because it arrives with the options. */
    channels: z.array(z.string()).optional(),
    from: z.string().regex(SENDER, 'must be an address, e.g. "Shop <shop@example.com>"'),
    /** Used when a notification names one of the plugin's templates without content. */
    shopName: z.string().min(1).optional(),
    smtp: z
      .object({
        host: z.string().min(1),
        port: z.number().int().min(1).max(65535),
        secure: z.boolean().optional(),
        requireTLS: z.boolean().optional(),
        auth: z.object({ user: z.string().min(1), pass: z.string().min(1) }).strict().optional(),
      })
      .strict()
      .optional(),
    outboxDir: z.string().min(1).optional(),
  })
  .strict()
  .refine((options) => !(options.smtp && options.outboxDir), {
    message: "set either `smtp` or `outboxDir`, not both",
    path: ["outboxDir"],
  })

export type NodemailerOptions = z.input<typeof optionsSchema>

/** The folder e-mails go to when no SMTP server is configured. */
export const DEFAULT_OUTBOX_DIR = ".data/outbox"

/** Parses the provider options, or throws one error naming every bad option. Never echoes values. */
export function parseNodemailerOptions(raw: unknown): z.output<typeof optionsSchema> {
  const result = optionsSchema.safeParse(raw ?? {})
  if (result.success) {
    return result.data
  }
  const problems = result.error.issues.map((issue) =>
    issue.code === "unrecognized_keys"
      ? `unknown option ${issue.keys.map((key) => `\`${[...issue.path, key].join(".")}\``).join(", ")}`
      : `\`${issue.path.join(".") || "(options)"}\` ${issue.message}`
  )
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `nodemailer notification provider: invalid options: ${problems.join("; ")}`
  )
}
