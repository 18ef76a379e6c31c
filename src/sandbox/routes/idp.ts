/** `POST /idp/token` (client credentials) and `GET /clients/{id}`. */
import { timingSafeEqual } from "node:crypto"
import type { SandboxContext } from "../context"
import { notFound } from "../errors"
import { apiClientEnabled } from "../api-clients"
import { isFormBody, type Router, type SandboxResponse } from "../http"
import { timestamp } from "../state"

/** The token endpoint answers in the OAuth error shape, not the platform's errorScheme. */
function tokenError(status: number, error: string, description: string): SandboxResponse {
  return { status, body: { error, error_description: description } }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Basic auth (client_secret_basic) first, then form fields (client_secret_post). */
function clientCredentials(authorization: string | undefined, form: Record<string, string>): [string, string] | undefined {
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? "")
  if (basic) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8")
    const colon = decoded.indexOf(":")
    if (colon < 0) return undefined
    return [decodeURIComponent(decoded.slice(0, colon)), decodeURIComponent(decoded.slice(colon + 1))]
  }
  if (form.client_id && form.client_secret) return [form.client_id, form.client_secret]
  return undefined
}

export function idpRoutes(router: Router, ctx: SandboxContext): void {
  router.add(
    "POST",
    "/idp/token",
    (req) => {
      if (!isFormBody(req.headers)) {
        return tokenError(400, "invalid_request", "The request body must be application/x-www-form-urlencoded.")
      }
      const form = req.body as Record<string, string>
      if (form.grant_type !== "client_credentials") {
        return tokenError(400, "invalid_request", "Only grant_type=client_credentials is supported by the sandbox.")
      }
      const credentials = clientCredentials(req.headers.authorization, form)
      if (!credentials || credentials[0] !== ctx.clientId || !sameSecret(credentials[1], ctx.clientSecret)) {
        return tokenError(401, "access_denied", "Invalid client credentials.")
      }
      if (!apiClientEnabled(ctx)) return tokenError(401, "access_denied", "The API client is disabled.")
      const token = ctx.tokens.issue(ctx.url, ctx.clientId, ctx.tokenTtlSeconds)
      return { status: 200, body: { ...token, token_type: "bearer" }, headers: { "cache-control": "no-store" } }
    },
    { auth: false, body: "form" }
  )

  router.add("GET", "/clients/:client_id", (req) => {
    if (req.params.client_id !== ctx.clientId) throw notFound("Client", req.params.client_id)
    return {
      status: 200,
      body: {
        client_id: ctx.clientId,
        tenant_id: ctx.state.root_tenant_id,
        type: "api_client",
        data: { client_name: "Sandbox API client" },
        token_endpoint_auth_method: "client_secret_basic",
        client_secret_expires_at: 0,
        created_at: ctx.state.tenants[ctx.state.root_tenant_id]?.created_at ?? timestamp(),
        created_by: ctx.state.root_tenant_id,
        last_access_at: timestamp(),
        last_access_from_ip: "127.0.0.1",
        status: ctx.state.client_status ?? "enabled",
      },
    }
  })
}
