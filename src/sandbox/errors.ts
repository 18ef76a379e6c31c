/**
 * Acronis error format (`errorScheme` in the spec) and the platform codes the sandbox uses.
 * Token endpoint errors use the OAuth shape instead, see routes/idp.ts.
 */
export const ERROR_DOMAIN = "PlatformAccountServer"

export const PlatformCode = {
  Internal: 1000,
  VersionMismatch: 1001,
  AccessDenied: 1002,
  ParentTenantDisabled: 1003,
  TenantNameConflict: 1004,
  TenantNotFound: 1005,
  DeleteNonDisabledTenant: 1006,
  DeprovisioningInProgress: 1011,
  OfferingItemNotAvailable: 1021,
  OfferingItemsDependency: 1023,
  CannotEnableService: 1026,
  BusinessRules: 1027,
  InvalidLogin: 1033,
} as const

export interface ErrorBody {
  error: {
    code: number | string
    domain: string | null
    message: string
    details: { info: string | null }
    context?: Record<string, unknown>
  }
}

export function errorBody(
  code: number | string,
  message: string,
  info: string | null = null,
  context?: Record<string, unknown>
): ErrorBody {
  const error: ErrorBody["error"] = { code, domain: ERROR_DOMAIN, message, details: { info: info ?? message } }
  if (context) error.context = context
  return { error }
}

/** Thrown by handlers; the server turns it into an HTTP answer in the Acronis error format. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | string,
    message: string,
    readonly context?: Record<string, unknown>,
    readonly info?: string
  ) {
    super(message)
  }

  toBody(): ErrorBody {
    return errorBody(this.code, this.message, this.info ?? null, this.context)
  }
}

export const malformed = (message: string) => new ApiError(400, "ParameterMalformed", message)

export const notFound = (what: string, id: string) =>
  new ApiError(404, what === "Tenant" ? PlatformCode.TenantNotFound : 404, `${what} not found.`, { id })

// 1001 → 409 is UNCONFIRMED in the reference; 409 is what the spec lists for PUT conflicts.
export const versionMismatch = (id: string, expected: number) =>
  new ApiError(409, PlatformCode.VersionMismatch, "Version mismatch: the object was changed by someone else; re-read it.", {
    id,
    version: expected,
  })
