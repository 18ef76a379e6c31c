/** Tenant pricing mode: trial → production is one-way (the reference, "switching to production"). */
import type { SandboxContext } from "../context"
import { ApiError, malformed, PlatformCode, versionMismatch } from "../errors"
import type { Router } from "../http"
import { nextStampVersion, timestamp, type PricingMode, type PricingRecord } from "../state"
import { getTenant } from "../tenancy"
import { onlyKeys, requireInteger, requireObject, requireOneOf } from "../validation"

const MODES: PricingMode[] = ["trial", "production", "suspended"]

/** Allowed switches. Going back to trial is refused (status/code UNCONFIRMED: 400 / 1027). */
const TRANSITIONS: Record<PricingMode, PricingMode[]> = {
  trial: ["production"],
  production: ["suspended"],
  suspended: ["production"],
}

/** New tenants start in trial; in trial, `production_start_date` is the trial's end (one full month). */
export function startTrial(now: Date): PricingRecord {
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()))
  return { mode: "trial", currency: null, production_start_date: timestamp(end), version: nextStampVersion() }
}

export function pricingRoutes(router: Router, ctx: SandboxContext): void {
  router.add("GET", "/tenants/:tenant_id/pricing", (req) => {
    const tenant = getTenant(ctx, req.params.tenant_id)
    return { status: 200, body: ctx.state.pricing[tenant.id] }
  })

  router.add(
    "PUT",
    "/tenants/:tenant_id/pricing",
    (req) => {
      const body = requireObject(req.body)
      // The tutorial PUTs back the whole GET object, so the echoed production_start_date is tolerated.
      onlyKeys(body, ["mode", "currency", "version", "production_start_date"])
      const version = requireInteger(body.version, "version")
      const tenant = getTenant(ctx, req.params.tenant_id)
      const current = ctx.state.pricing[tenant.id]
      if (version !== current.version) throw versionMismatch(tenant.id, current.version)
      const mode = body.mode === undefined ? current.mode : requireOneOf(body.mode, MODES, "mode")
      if (body.currency !== undefined && body.currency !== null && !/^[A-Z]{3}$/.test(String(body.currency))) {
        throw malformed("'currency' must be an ISO 4217 code or null.")
      }
      const currency = body.currency === undefined ? current.currency : (body.currency as string | null)
      if (mode !== current.mode && !TRANSITIONS[current.mode].includes(mode)) {
        throw new ApiError(400, PlatformCode.BusinessRules, `The pricing mode cannot be switched from ${current.mode} to ${mode}.`, {
          id: tenant.id,
          mode: current.mode,
        })
      }
      if (mode === current.mode && currency === current.currency) return { status: 200, body: current }
      const next: PricingRecord = {
        mode,
        currency,
        production_start_date: mode === "production" && current.mode === "trial" ? timestamp(ctx.clock.now()) : current.production_start_date,
        version: nextStampVersion(),
      }
      ctx.state.pricing[tenant.id] = next
      return { status: 200, body: next }
    },
    { body: "json" }
  )
}
