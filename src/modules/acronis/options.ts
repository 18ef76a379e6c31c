import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { CONTRACT_TIERS, DEFAULT_EDITION_MAPPING } from "./domain/licensing"
import { ACRONIS_EMAIL_TEMPLATE_NAMES, AcronisEmailTemplateName, EmailTemplateOverride } from "./emails/templates"

/** An Acronis edition name as the API spells it (`pck_per_workload`, `fss_per_user`, …). */
const editionName = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, "must be an Acronis edition name such as fss_per_user")

/**
 * The plugin's options, as a merchant writes them in `medusa-config.ts`. Every module of the plugin receives
 * the same object, so unknown keys are refused here: a typo must not silently fall back to a default.
 */
const optionsObject = z
  .object({
    mode: z.enum(["sandbox", "live"]).optional(),
    datacenterUrl: z.url({ protocol: /^https?$/ }).optional(),
    clientId: z.string().min(1).optional(),
    clientSecret: z.string().min(1).optional(),
    shopName: z.string().min(1).max(100).default("Acronis Cyber Protect Cloud"),
    termsOfUseUrl: z.url({ protocol: /^https?$/ }).default("https://www.acronis.com/en-us/company/licensing/"),
    termsOfUseVersion: z.string().min(1).max(40).default("2024-01"),
    sandbox: z
      .object({
        port: z.number().int().min(0).max(65535).default(0),
        statePath: z.string().min(1).optional(),
        /** The sandbox's `/__sandbox` control API (state, faults, clock): for tests and demos only, on loopback. */
        controlApi: z.boolean().default(false),
      })
      .strict()
      .default({ port: 0, controlApi: false }),
    /** Where provisioning failures are e-mailed. */
    operationsEmail: z.email().optional(),
    /** The Acronis API client: time allowed per HTTP attempt, and its own retries of calls that are safe to repeat. */
    acronisClient: z
      .object({
        timeoutMs: z.number().int().min(50).max(300_000).default(30_000),
        maxRetries: z.number().int().min(0).max(10).default(2),
        retryBaseDelayMs: z.number().int().min(0).max(60_000).default(1_000),
      })
      .strict()
      .default({ timeoutMs: 30_000, maxRetries: 2, retryBaseDelayMs: 1_000 }),
    /**
     * Provisioning runs: how many times a failed run is resumed, with exponential back-off, before it is `failed`;
     * and how long a run may go without a heartbeat before it counts as dead (its process crashed) and the
     * recovery job starts it again. A live run beats every quarter of that, however slow Acronis is.
     */
    provisioning: z
      .object({
        attempts: z.number().int().min(1).max(20).default(5),
        retryBaseDelayMs: z.number().int().min(0).max(600_000).default(2_000),
        staleAfterSeconds: z.number().int().min(4).max(86_400).default(120),
      })
      .strict()
      .default({ attempts: 5, retryBaseDelayMs: 2_000, staleAfterSeconds: 120 }),
    /**
     * The end of a subscription: a cancelled one's tenant is disabled at once and deleted after
     * `gracePeriodDays` (Acronis's own advice: disable, then delete after 30 days), with a warning e-mail
     * `deletionWarningDays` before. Resuming within the grace period re-enables it.
     */
    lifecycle: z
      .object({
        gracePeriodDays: z.number().int().min(0).max(365).default(30),
        deletionWarningDays: z.number().int().min(0).max(60).default(7),
      })
      .strict()
      .default({ gracePeriodDays: 30, deletionWarningDays: 7 }),
    /**
     * Which Acronis edition each licensing model sells (README, "Editions"): checked against the parent tenant's
     * catalogue whenever an offer is saved. Acronis has no File Sync & Share per-workload edition, hence the
     * default `fss_per_user` for it.
     */
    editions: z
      .object({
        protection: z
          .object({
            per_gigabyte: editionName.default(DEFAULT_EDITION_MAPPING.protection.per_gigabyte),
            per_workload: editionName.default(DEFAULT_EDITION_MAPPING.protection.per_workload),
          })
          .strict()
          .default(DEFAULT_EDITION_MAPPING.protection),
        file_sync_share: z
          .object({
            per_user: editionName.default(DEFAULT_EDITION_MAPPING.file_sync_share.per_user),
            per_workload: editionName.default(DEFAULT_EDITION_MAPPING.file_sync_share.per_workload),
          })
          .strict()
          .default(DEFAULT_EDITION_MAPPING.file_sync_share),
      })
      .strict()
      .default(DEFAULT_EDITION_MAPPING),
    /**
     * The Acronis `tier_level_value` for each storefront contract tier (0 to 7), over the defaults in
     * `DEFAULT_CONTRACT_TIER_LEVELS` (README, "CSP contract tiers"); `null` = this datacentre does not offer it.
     */
    contractTierLevels: z
      .record(
        z.string(),
        z.number().int().min(-2, "Acronis tier levels run from -2 to 7").max(7, "Acronis tier levels run from -2 to 7").nullable()
      )
      .superRefine((levels, ctx) => {
        for (const key of Object.keys(levels)) {
          if (!CONTRACT_TIERS.map(String).includes(key)) ctx.addIssue({ code: "custom", path: [key], message: "keys are contract tiers 0 to 7" })
        }
      })
      .default({}),
    /** Usage billing: a statement becomes a draft order for manual collection, or an order with a payment collection. */
    billingOrderMode: z.enum(["order", "draft_order"]).default("draft_order"),
    /** The merchant's own render functions, by template name (see README, "E-mail"). */
    emailTemplates: z
      .partialRecord(
        z.enum(ACRONIS_EMAIL_TEMPLATE_NAMES as [AcronisEmailTemplateName, ...AcronisEmailTemplateName[]]),
        z.custom<EmailTemplateOverride>((value) => typeof value === "function", {
          message: "must be a function (data, context) => ({ subject, text, html })",
        }),
        { message: `must map template names (${ACRONIS_EMAIL_TEMPLATE_NAMES.join(", ")}) to functions` }
      )
      .optional(),
  })
  .strict()

export const acronisOptionsSchema = optionsObject
  .superRefine((options, ctx) => {
    const mode = options.mode ?? (options.clientId || options.clientSecret ? "live" : "sandbox")
    // A store in production must never sell against the fake by accident: the sandbox is then a choice.
    if (mode === "sandbox" && !options.mode && process.env.NODE_ENV === "production") {
      ctx.addIssue({
        code: "custom",
        path: ["mode"],
        message:
          'is not set and no Acronis credentials are, while NODE_ENV is "production": set datacenterUrl, clientId and ' +
          'clientSecret for your Acronis datacenter, or mode: "sandbox" to run on the built-in fake Acronis on purpose',
      })
    }
    if (mode !== "live") {
      return
    }
    for (const key of ["datacenterUrl", "clientId", "clientSecret"] as const) {
      if (!options[key]) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "is required in live mode (or remove the credentials to use the sandbox)",
        })
      }
    }
  })
  .transform((options) => ({
    ...options,
    mode: options.mode ?? (options.clientId || options.clientSecret ? ("live" as const) : ("sandbox" as const)),
  }))

export type AcronisPluginOptions = z.input<typeof acronisOptionsSchema>
export type AcronisOptions = z.output<typeof acronisOptionsSchema>

// Keys Medusa itself adds to every module's options.
const FRAMEWORK_KEYS = ["database"]

/** Parses the plugin options, or throws one error that names every bad option and what is allowed. */
export function parseAcronisOptions(raw: unknown): AcronisOptions {
  const pluginOwn = Object.fromEntries(
    Object.entries((raw ?? {}) as Record<string, unknown>).filter(([key]) => !FRAMEWORK_KEYS.includes(key))
  )
  const result = acronisOptionsSchema.safeParse(pluginOwn)
  if (result.success) {
    return result.data
  }
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.join(".") || "(options)"
    if (issue.code === "unrecognized_keys") {
      const allowed = Object.keys(optionsObject.shape).join(", ")
      return `unknown option ${issue.keys.map((k) => `\`${[...issue.path, k].join(".")}\``).join(", ")} (allowed: ${allowed})`
    }
    return `\`${path}\` ${issue.message}`
  })
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `medusa-plugin-acronis: invalid plugin options: ${problems.join("; ")}`
  )
}
