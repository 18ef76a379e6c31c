/**
 * Partner billing settings of the platform application (reference §6): the commitment tier
 * (`tier_level_value`) and the licensing mode of partner tenants, read and set one setting at a time.
 */
import { APPLICATION_IDS } from "../catalogue"
import type { SandboxContext } from "../context"
import { ApiError, malformed, notFound, PlatformCode } from "../errors"
import type { Router } from "../http"
import { getTenant } from "../tenancy"
import { onlyKeys, requireObject } from "../validation"

// -1 is "no commitment", -2 a custom contract, 0..7 the tiers (the API reference allows up to 7).
const SETTINGS: Record<string, { initial: string | number; accepts: (value: unknown) => boolean; allowed: string }> = {
  tier_level_value: {
    initial: -1,
    accepts: (value) => Number.isInteger(value) && (value as number) >= -2 && (value as number) <= 7,
    allowed: "an integer from -2 to 7",
  },
  licensing_mode: {
    initial: "per_gb",
    accepts: (value) => value === "per_gb" || value === "per_device",
    allowed: "per_gb or per_device",
  },
}

export function settingRoutes(router: Router, ctx: SandboxContext): void {
  const resolve = (params: Record<string, string>) => {
    if (params.application_id !== APPLICATION_IDS.platform) throw notFound("Application setting", params.setting)
    const definition = SETTINGS[params.setting]
    if (!definition) throw notFound("Application setting", params.setting)
    const tenant = getTenant(ctx, params.tenant_id)
    if (tenant.kind !== "partner") {
      throw new ApiError(400, PlatformCode.BusinessRules, "Billing settings apply to partner tenants only.", { id: tenant.id })
    }
    return { definition, tenant }
  }
  const view = (name: string, own: string | number | undefined, initial: string | number) => ({
    name,
    own: own === undefined ? null : { value: own, lock: false, exclusive: false },
    effective: { value: own ?? initial, lock: false, exclusive: false },
  })

  router.add("GET", "/applications/:application_id/settings/tenants/:tenant_id/:setting", (req) => {
    const { definition, tenant } = resolve(req.params)
    return { status: 200, body: view(req.params.setting, ctx.state.settings?.[tenant.id]?.[req.params.setting], definition.initial) }
  })

  router.add("PUT", "/applications/:application_id/settings/tenants/:tenant_id/:setting", (req) => {
    const body = requireObject(req.body)
    // The spec's `settingPut`: additionalProperties false.
    onlyKeys(body, ["value", "lock", "exclusive"])
    const { definition, tenant } = resolve(req.params)
    const value = body.value
    if (!definition.accepts(value)) throw malformed(`'value' must be ${definition.allowed}.`)
    const settings = ((ctx.state.settings ??= {})[tenant.id] ??= {})
    settings[req.params.setting] = value as string | number
    return { status: 200, body: view(req.params.setting, value as string | number, definition.initial) }
  }, { body: "json" })
}
