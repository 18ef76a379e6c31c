/** Plain request-body checks mirroring the spec's required fields and `additionalProperties: false`. */
import { malformed } from "./errors"

export type JsonObject = Record<string, unknown>

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_RE.test(value)
}

export function requireObject(body: unknown, what = "Request body"): JsonObject {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw malformed(`${what} must be a JSON object.`)
  return body as JsonObject
}

/** The spec marks most write bodies `additionalProperties: false`; the real API rejects unknown fields. */
export function onlyKeys(body: JsonObject, allowed: readonly string[], what = "body"): void {
  const extra = Object.keys(body).filter((key) => !allowed.includes(key))
  if (extra.length) throw malformed(`Unknown field(s) in ${what}: ${extra.join(", ")}.`)
}

export function requireString(body: JsonObject, key: string): string {
  const value = body[key]
  if (typeof value !== "string" || value.trim() === "") throw malformed(`Field '${key}' is required and must be a non-empty string.`)
  return value
}

export function optionalString(body: JsonObject, key: string): string | null | undefined {
  const value = body[key]
  if (value === undefined || value === null) return value
  if (typeof value !== "string") throw malformed(`Field '${key}' must be a string.`)
  return value
}

export function optionalBoolean(body: JsonObject, key: string): boolean | undefined {
  const value = body[key]
  if (value === undefined) return undefined
  if (typeof value !== "boolean") throw malformed(`Field '${key}' must be a boolean.`)
  return value
}

export function requireInteger(value: unknown, name: string): number {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value
  if (typeof n !== "number" || !Number.isInteger(n)) throw malformed(`'${name}' is required and must be an integer.`)
  return n
}

/** `?version=N` on a DELETE: required, an integer. */
export function requireVersionQuery(query: URLSearchParams): number {
  if (!query.has("version")) throw malformed("Query parameter 'version' is required.")
  return requireInteger(query.get("version"), "version")
}

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): T {
  if (typeof value !== "string" || !allowed.includes(value as T)) {
    throw malformed(`'${name}' must be one of: ${allowed.join(", ")}.`)
  }
  return value as T
}

export function csvParam(value: string | null): string[] {
  return value ? value.split(",").map((part) => part.trim()).filter(Boolean) : []
}
