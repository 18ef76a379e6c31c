/**
 * The request pipeline: control API first (no auth, no faults), then for the Acronis API the request
 * log, injected latency and faults, bearer auth, content-type rules and the route handlers.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { Socket } from "node:net"
import type { RequestLogEntry, SandboxContext } from "./context"
import { ApiError, errorBody } from "./errors"
import { apiClientControlRoutes, apiClientEnabled } from "./api-clients"
import { refuseWritesDuringDeletion, settleDeletions } from "./deletion"
import type { Fault } from "./faults"
import { errorResponse, parseBody, readBody, Router, send, type SandboxResponse } from "./http"
import { rateLimitKey } from "./rate-limit"
import { applicationRoutes } from "./routes/applications"
import { infraRoutes } from "./routes/infra"
import { settingRoutes } from "./routes/settings"
import { controlRoutes } from "./routes/control"
import { idpRoutes } from "./routes/idp"
import { offeringItemRoutes } from "./routes/offering-items"
import { pricingRoutes } from "./routes/pricing"
import { reportRoutes } from "./routes/reports"
import { searchRoutes } from "./routes/search"
import { tenantRoutes } from "./routes/tenants"
import { usageRoutes } from "./routes/usages"
import { userRoutes } from "./routes/users"

export const API_PREFIX = "/api/2"
export const CONTROL_PREFIX = "/__sandbox"
/** A long-running demo should not grow without bound; tests clear the log long before this. */
const REQUEST_LOG_LIMIT = 5000

export interface SandboxServer {
  server: Server
  close(): Promise<void>
}

export function createSandboxServer(ctx: SandboxContext, options: { controlApi: boolean; onMutation: () => void }): SandboxServer {
  const api = new Router(API_PREFIX)
  for (const register of [idpRoutes, tenantRoutes, pricingRoutes, applicationRoutes, infraRoutes, settingRoutes, offeringItemRoutes, userRoutes, usageRoutes, reportRoutes, searchRoutes]) {
    register(api, ctx)
  }
  // The control API is for tests and demos on localhost: no auth, JSON bodies whatever their content type.
  const control = new Router(CONTROL_PREFIX, { auth: false, body: "lenient-json" })
  controlRoutes(control, ctx)
  apiClientControlRoutes(control, ctx)

  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  let closing = false

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer)
        resolve()
      }, ms)
      timers.add(timer)
    })

  async function dispatch(router: Router, req: IncomingMessage, url: URL, raw: Buffer): Promise<SandboxResponse> {
    const method = req.method ?? "GET"
    try {
      const match = router.match(method, url.pathname)
      if (match.kind === "not-found") throw new ApiError(404, 404, `No such endpoint: ${method} ${url.pathname}.`)
      if (match.kind === "method-not-allowed") throw new ApiError(405, 405, `Method ${method} is not allowed on ${url.pathname}.`)
      const { route, params } = match
      if (route.auth && !(ctx.tokens.isValid(req.headers.authorization) && apiClientEnabled(ctx))) {
        throw new ApiError(401, 401, "Unauthorized: the bearer token is missing, invalid or expired.")
      }
      if (router === api) refuseWritesDuringDeletion(ctx, method, url.pathname)
      const body = parseBody(route.body, req.headers, raw)
      return await route.handler({ method, path: url.pathname, query: url.searchParams, headers: req.headers, params, body })
    } catch (error) {
      return errorResponse(error)
    }
  }

  /** A 429 (refused before anything is done) when the request's API client is over its rate limit. */
  function rateLimited(req: IncomingMessage): SandboxResponse | undefined {
    const bearerClient = ctx.tokens.isValid(req.headers.authorization) ? ctx.clientId : undefined
    const waitSeconds = ctx.rateLimiter.take(rateLimitKey(req.headers, req.socket.remoteAddress, bearerClient))
    if (waitSeconds === undefined) return undefined
    const message = "Too many requests: the API client is over its rate limit; retry after the Retry-After seconds."
    return { status: 429, headers: { "retry-after": String(waitSeconds) }, body: errorBody(429, message) }
  }

  /** Answers in place of the API; returns false for latency-only faults, which answer normally. */
  function applyFault(fault: Fault, req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry): boolean {
    if (fault.kind === "latency") return false
    if (fault.kind === "drop") req.socket.destroy()
    if (fault.kind === "status") {
      const status = fault.status ?? 500
      const headers: Record<string, string> = {}
      if (fault.retryAfter !== undefined) headers["retry-after"] = String(Math.ceil(fault.retryAfter))
      entry.status = status
      send(res, { status, headers, body: fault.body ?? errorBody(status, STATUS_CODES[status] ?? "Injected failure.") })
    }
    // "hang": never answer; the socket stays open until the client gives up or the sandbox stops.
    return true
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? "GET"
    // Only method, path and query are logged: never headers (Authorization) or bodies (secrets, passwords).
    const entry: RequestLogEntry = { method, path: url.pathname, query: Object.fromEntries(url.searchParams), status: null, at: ctx.clock.now().toISOString() }
    ctx.requestLog.push(entry)
    if (ctx.requestLog.length > REQUEST_LOG_LIMIT) ctx.requestLog.splice(0, ctx.requestLog.length - REQUEST_LOG_LIMIT)
    const raw = await readBody(req)
    const fault = ctx.faults.take(method, url.pathname)
    const delay = ctx.latencyMs + (fault?.latencyMs ?? 0)
    if (delay > 0) await sleep(delay)
    if (closing) return
    if (fault && !fault.after && applyFault(fault, req, res, entry)) return
    const limited = rateLimited(req)
    if (limited) {
      entry.status = limited.status
      return send(res, limited)
    }
    const response = await dispatch(api, req, url, raw)
    if (method !== "GET") options.onMutation()
    // `after`: the work is done (e.g. the tenant exists) but the caller never hears about it.
    if (fault?.after && applyFault(fault, req, res, entry)) return
    entry.status = response.status
    send(res, response)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://sandbox.local")
    if (settleDeletions(ctx)) options.onMutation()
    const isControl = url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)
    if (!isControl) return handleApi(req, res, url)
    if (!options.controlApi) return send(res, errorResponse(new ApiError(404, 404, "The control API is disabled.")))
    const response = await dispatch(control, req, url, await readBody(req))
    if (req.method !== "GET") options.onMutation()
    send(res, response)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent && !res.destroyed) send(res, errorResponse(error))
    })
  })
  server.on("connection", (socket) => {
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
  })

  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        if (closing) return resolve()
        closing = true
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        server.close(() => resolve())
        // Includes hanging requests and idle keep-alive connections.
        for (const socket of sockets) socket.destroy()
      }),
  }
}
