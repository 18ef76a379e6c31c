import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"

type Issue = { code: string; path: PropertyKey[]; message: string; keys?: string[]; issues?: Issue[] }
type Schema = z.ZodType & { strict?: () => z.ZodType }
type QueryConfig = Parameters<typeof validateAndTransformQuery>[1]

/**
 * Every problem of a refused request as `field: reason`, the field as a dotted path (`users.2.email`); the
 * request itself is `(body)` or `(query)`. Messages that already start with their field keep their wording.
 */
export function describeIssues(issues: Issue[], root: "body" | "query"): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      if (issue.code === "unrecognized_keys" && issue.keys?.length) {
        return issue.keys.map((key) => `${fieldName([...issue.path, key])}: is not a field of this request`).join("; ")
      }
      const name = issue.path.length ? fieldName(issue.path) : `(${root})`
      if (issue.message.startsWith(`${name}:`) || issue.message.startsWith(`${name} `)) return issue.message
      // Zod's wording for a field left out; for a bad record key (a currency code), why the key was refused.
      const reason = /received undefined$/.test(issue.message)
        ? "is required"
        : issue.code === "invalid_key" && issue.issues?.[0]
          ? issue.issues[0].message
          : issue.message
      return `${name}: ${reason}`
    })
    .join("; ")
}

// `users.2.email`; a key that is not a plain word is quoted, so the name stays readable and unambiguous.
const fieldName = (path: PropertyKey[]) =>
  path.map((segment) => (/^[\w$-]+$/.test(String(segment)) ? String(segment) : JSON.stringify(String(segment)))).join(".")

/**
 * Whether each part of a refusal names its field: Medusa's own wording (`… for field 'type', but got: 'bundle'`,
 * `Unrecognized fields: 'a'`) or ours (`type: …`). Medusa's is kept where it does: it shows what was sent.
 */
export function refusalNamesItsFields(message: string): boolean {
  const body = message.replace(/^Invalid request:\s*/, "")
  return body
    .split("; ")
    .every(
      (part) =>
        /field '[^']+'/i.test(part) ||
        /^Unrecognized fields: '[^']+'/.test(part) ||
        /^\s*(\((body|query)\)|(?:[\w$-]+|"(?:[^"\\]|\\.)*")(?:\.(?:[\w$-]+|"(?:[^"\\]|\\.)*"))*): \S/.test(part)
    )
}

async function namedRefusal(error: unknown, schema: Schema, input: unknown, root: "body" | "query"): Promise<unknown> {
  if (!(error instanceof MedusaError) || error.type !== MedusaError.Types.INVALID_DATA) return error
  if (refusalNamesItsFields(error.message)) return error
  // Parsed again as Medusa parses it (strict where the schema can be), to read the issues Medusa's message drops.
  const strict = typeof schema.strict === "function" ? schema.strict() : schema
  const result = await strict.safeParseAsync(input)
  return result.success ? error : new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${describeIssues(result.error.issues as Issue[], root)}`)
}

/** Medusa's `validateAndTransformBody`, with a refusal that names every field and its reason. */
export function validateAcronisBody(schema: Schema) {
  const validate = validateAndTransformBody(schema)
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) =>
    validate(req, res, (error?: unknown) => {
      if (!error) return next()
      namedRefusal(error, schema, req.body, "body").then(next, next)
    })
}

/** Medusa's `validateAndTransformQuery`, with a refusal that names every field and its reason. */
export function validateAcronisQuery(schema: Schema, config: QueryConfig) {
  const validate = validateAndTransformQuery(schema as never, config)
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const query = normalizedQuery(req.query as Record<string, unknown>)
    validate(req, res, (error?: unknown) => {
      if (!error) return next()
      namedRefusal(error, schema, query, "query").then(next, next)
    })
  }
}

// As Medusa reads a query before validating it: `a=1,2` is a list, `a.b=1` an object.
function normalizedQuery(query: Record<string, unknown>): Record<string, unknown> {
  const normalized: Record<string, any> = {}
  for (const [key, value] of Object.entries(query ?? {})) {
    const item = Array.isArray(value) && value.length === 1 && typeof value[0] === "string" ? value[0].split(",") : value
    if (key.includes(".")) {
      const [parent, child] = key.split(".")
      normalized[parent] = { ...(normalized[parent] ?? {}), [child]: item }
    } else {
      normalized[key] = item
    }
  }
  return normalized
}

const MAX_DEPTH = 32

/** The field name of the first string (or key) holding a NUL character, or null. */
export function findNulCharacter(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? (path.length ? fieldName(path) : "(body)") : null
  if (!value || typeof value !== "object" || depth > MAX_DEPTH) return null
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key.includes("\u0000")) return fieldName([...path, key])
    const found = findNulCharacter(item, [...path, key], depth + 1)
    if (found) return found
  }
  return null
}

/**
 * Refuses, before any validator or route runs, what no field of the plugin may hold: a NUL character
 * anywhere (PostgreSQL refuses it in text, Acronis in names), and a path that is not valid percent-encoding.
 */
export function refuseUnreadableInput(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  // `originalUrl`: under a mount point `req.path` is only what is left after it.
  const rawPath = req.originalUrl.split("?")[0]
  let path: string
  try {
    path = decodeURIComponent(rawPath)
  } catch {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, `path: "${rawPath}" is not valid percent-encoding`))
  }
  const field = path.includes("\u0000") ? "path" : (findNulCharacter(req.query) ?? findNulCharacter(req.body))
  if (field) return next(new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: must not contain a NUL character`))
  next()
}
