import { DEFAULT_CONTRACT_TIER_LEVELS } from "./domain/licensing"
import type { AcronisOptions } from "./options"

/**
 * The plugin options in force, for the admin to read: defaults filled in, the datacenter the client really
 * talks to (the sandbox's own address in sandbox mode). The client secret is never part of it, only whether
 * one is set; e-mail templates are named, not shown.
 */
export function optionsInForce(options: AcronisOptions, datacenterUrl: string) {
  return {
    mode: options.mode,
    datacenter_url: datacenterUrl,
    client_id: options.clientId ?? null,
    client_secret_set: !!options.clientSecret,
    shop_name: options.shopName,
    terms_of_use: { url: options.termsOfUseUrl, version: options.termsOfUseVersion },
    operations_email: options.operationsEmail ?? null,
    acronis_client: {
      timeout_ms: options.acronisClient.timeoutMs,
      max_retries: options.acronisClient.maxRetries,
      retry_base_delay_ms: options.acronisClient.retryBaseDelayMs,
    },
    provisioning: {
      attempts: options.provisioning.attempts,
      retry_base_delay_ms: options.provisioning.retryBaseDelayMs,
      stale_after_seconds: options.provisioning.staleAfterSeconds,
    },
    lifecycle: { grace_period_days: options.lifecycle.gracePeriodDays, deletion_warning_days: options.lifecycle.deletionWarningDays },
    editions: options.editions,
    contract_tier_levels: { ...DEFAULT_CONTRACT_TIER_LEVELS, ...options.contractTierLevels },
    billing_order_mode: options.billingOrderMode,
    email_templates_overridden: Object.keys(options.emailTemplates ?? {}).sort(),
    sandbox_control_api: options.mode === "sandbox" ? options.sandbox.controlApi : false,
  }
}
export type AcronisOptionsInForce = ReturnType<typeof optionsInForce>
