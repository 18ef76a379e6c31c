/** A tiny router plus the request/response plumbing shared by the API and the control API. */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http"
import { ApiError, errorBody } from "./errors"

/** json: must be sent as JSON; optional-json: JSON if any; form: the token endpoint; lenient-json: control API. */
export type BodyKind = "json" | "optional-json" | "form" | "none" | "lenient-json"

export interface SandboxRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  params: Record<string, string>
  body: unknown
}

export interface SandboxResponse {
  status: number
  body?: unknown
  /** Sent as-is instead of JSON (report downloads). */
  raw?: Buffer
  headers?: Record<string, string>
}

export type Handler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>

export interface RouteOptions {
  body?: BodyKind
  /** API routes need a bearer token unless this is false (token endpoint, control API). */
  auth?: boolean
}

interface Route extends Required<RouteOptions> {
  method: string
  segments: string[]
  handler: Handler
}

export type RouteMatch =
  | { kind: "found"; route: Route; params: Record<string, string> }
  | { kind: "method-not-allowed" }
  | { kind: "not-found" }

export class Router {
  private readonly routes: Route[] = []

  constructor(
    private readonly prefix = "",
    private readonly defaults: RouteOptions = {}
  ) {}

  add(method: string, pattern: string, handler: Handler, options: RouteOptions = {}): void {
    this.routes.push({
      method,
      segments: splitPath(this.prefix + pattern),
      handler,
      body: options.body ?? this.defaults.body ?? "none",
      auth: options.auth ?? this.defaults.auth ?? true,
    })
  }

  match(method: string, path: string): RouteMatch {
    const segments = splitPath(path)
    let pathKnown = false
    // Literal segments win over parameters, e.g. /tenants/usages before /tenants/{tenant_id}.
    const candidates = this.routes
      .map((route) => ({ route, params: matchSegments(route.segments, segments) }))
      .filter((c): c is { route: Route; params: Record<string, string> } => c.params !== null)
      .sort((a, b) => Object.keys(a.params).length - Object.keys(b.params).length)
    for (const { route, params } of candidates) {
      pathKnown = true
      if (route.method === method) return { kind: "found", route, params }
    }
    return pathKnown ? { kind: "method-not-allowed" } : { kind: "not-found" }
  }
}

function splitPath(path: string): string[] {
  return path.split("/").filter(Boolean)
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]
    if (p.startsWith(":")) params[p.slice(1)] = decodeURIComponent(actual[i])
    else if (p !== actual[i]) return null
  }
  return params
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => resolve(Buffer.concat(chunks)))
    req.on("error", reject)
  })
}

function mediaType(headers: IncomingHttpHeaders): string {
  return (headers["content-type"] ?? "").split(";")[0].trim().toLowerCase()
}

/** Applies the API's content-type rules: JSON bodies must say so (415), the token endpoint takes a form. */
export function parseBody(kind: BodyKind, headers: IncomingHttpHeaders, raw: Buffer): unknown {
  const type = mediaType(headers)
  if (kind === "none") return undefined
  if (kind === "form") return Object.fromEntries(new URLSearchParams(raw.toString("utf8")))
  if (raw.length === 0 && (kind === "optional-json" || kind === "lenient-json")) return undefined
  if (type !== "application/json" && kind !== "lenient-json") {
    throw new ApiError(415, 415, "Unsupported Media Type: the request body must be sent as application/json.")
  }
  if (raw.length === 0) throw new ApiError(400, "ParameterMalformed", "A JSON request body is required.")
  try {
    return JSON.parse(raw.toString("utf8"))
  } catch {
    throw new ApiError(400, "ParameterMalformed", "The request body is not valid JSON.")
  }
}

export function isFormBody(headers: IncomingHttpHeaders): boolean {
  return mediaType(headers) === "application/x-www-form-urlencoded"
}

export function send(res: ServerResponse, response: SandboxResponse): void {
  if (res.destroyed || res.headersSent) return
  const headers: Record<string, string> = { ...response.headers }
  let payload: Buffer | undefined = response.raw
  if (!payload && response.body !== undefined) {
    payload = Buffer.from(JSON.stringify(response.body))
    headers["content-type"] ??= "application/json"
  }
  if (payload) headers["content-length"] = String(payload.length)
  res.writeHead(response.status, headers)
  res.end(payload)
}

export function errorResponse(error: unknown): SandboxResponse {
  if (error instanceof ApiError) return { status: error.status, body: error.toBody() }
  const message = error instanceof Error ? error.message : String(error)
  return { status: 500, body: errorBody(1000, "Internal server error.", message) }
}
