/** Injected failures for the API: a status answer, a dropped connection, a hang, or extra latency. */
import { randomUUID } from "node:crypto"
import { malformed } from "./errors"
import type { JsonObject } from "./validation"

export type FaultKind = "status" | "drop" | "hang" | "latency"

export interface Fault {
  id: string
  method?: string
  path: string
  times: number
  kind: FaultKind
  status?: number
  body?: unknown
  retryAfter?: number
  latencyMs?: number
  /** Handle the request fully first, then fail instead of answering (a crash after the write). */
  after: boolean
}

const KINDS = ["status", "drop", "hang"] as const

export function parseFault(body: JsonObject): Fault {
  const { method, path, times = 1, status, retryAfter, latencyMs, kind, after = false } = body
  if (typeof path !== "string" || !path.startsWith("/")) throw malformed("'path' is required and must start with '/'.")
  if (method !== undefined && typeof method !== "string") throw malformed("'method' must be a string.")
  if (!Number.isInteger(times) || (times as number) < 1) throw malformed("'times' must be a positive integer.")
  if (status !== undefined && (!Number.isInteger(status) || (status as number) < 100 || (status as number) > 599)) {
    throw malformed("'status' must be an HTTP status code.")
  }
  if (kind !== undefined && !KINDS.includes(kind as (typeof KINDS)[number])) throw malformed("'kind' must be status, drop or hang.")
  for (const [name, value] of [["retryAfter", retryAfter], ["latencyMs", latencyMs]] as const) {
    if (value !== undefined && (typeof value !== "number" || value < 0)) throw malformed(`'${name}' must be a non-negative number.`)
  }
  if (typeof after !== "boolean") throw malformed("'after' must be a boolean.")
  const resolvedKind: FaultKind =
    (kind as FaultKind | undefined) ?? (status !== undefined ? "status" : latencyMs !== undefined ? "latency" : "status")
  if (resolvedKind === "status" && status === undefined && kind === undefined) {
    throw malformed("A fault needs a 'status', a 'kind' or a 'latencyMs'.")
  }
  return {
    id: randomUUID(),
    method: method?.toUpperCase(),
    path,
    times: times as number,
    kind: resolvedKind,
    status: resolvedKind === "status" ? ((status as number | undefined) ?? 500) : undefined,
    body: body.body,
    retryAfter: retryAfter as number | undefined,
    latencyMs: latencyMs as number | undefined,
    after,
  }
}

/** Exact path, `*` for one segment, or a trailing `/**` for the path and everything below it. */
export function pathMatches(pattern: string, path: string): boolean {
  if (pattern === path) return true
  if (pattern.endsWith("/**")) {
    const prefix = pattern.slice(0, -3)
    return path === prefix || path.startsWith(`${prefix}/`)
  }
  const want = pattern.split("/")
  const got = path.split("/")
  return want.length === got.length && want.every((segment, i) => segment === got[i] || (segment === "*" && got[i] !== ""))
}

export class FaultList {
  private faults: Fault[] = []

  add(fault: Fault): void {
    this.faults.push(fault)
  }

  clear(): void {
    this.faults = []
  }

  list(): Fault[] {
    return [...this.faults]
  }

  /** The first matching fault, consuming one of its `times`. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find((f) => (!f.method || f.method === method) && pathMatches(f.path, path))
    if (!fault) return undefined
    fault.times -= 1
    if (fault.times <= 0) this.faults = this.faults.filter((f) => f !== fault)
    return fault
  }
}
