import { CsvError, parse } from "csv-parse/sync"
import { USER_FIELDS, normalizeUserInput, userFieldErrors, type SubAccountUserInput, type UserField } from "./user-fields"

/** Largest CSV accepted, in bytes (UTF-8). */
export const CSV_MAX_BYTES = 1024 * 1024
/** Most data rows (header excluded) accepted in one file. */
export const CSV_MAX_ROWS = 1000
export const CSV_HEADER = USER_FIELDS.join(",")

/**
 * One problem in an import. `row` is the line number in the file as a spreadsheet shows it (the header is
 * row 1, the first user row 2); 0 for a problem with the whole file. `field` is a column name, or "csv".
 */
export type ImportRowError = { row: number; field: UserField | "csv"; reason: string }
export type ImportRow = { row: number; user: SubAccountUserInput; errors: ImportRowError[] }
export type ParsedUsersCsv = { rows: ImportRow[]; errors: ImportRowError[] }

/**
 * Reads a users CSV (`email,first_name,last_name,language,time_zone` header, any column order, extra columns
 * refused) and checks every row, including duplicates within the file and e-mails the sub-account already
 * has. Never throws on bad input: every problem is returned, so a preview can list them all.
 */
export function parseUsersCsv(csv: string, existingEmails: Iterable<string> = []): ParsedUsersCsv {
  const fileError = (reason: string): ParsedUsersCsv => ({ rows: [], errors: [{ row: 0, field: "csv", reason }] })
  if (Buffer.byteLength(csv, "utf8") > CSV_MAX_BYTES) return fileError(`is larger than ${CSV_MAX_BYTES / 1024 / 1024} MB`)

  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(csv, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: true })
  } catch (error) {
    const line = error instanceof CsvError ? (error as CsvError & { lines?: number }).lines : undefined
    return { rows: [], errors: [{ row: line ?? 0, field: "csv", reason: `cannot be read: ${(error as Error).message}` }] }
  }
  if (!records.length) return fileError(`is empty; the first row must be the header "${CSV_HEADER}"`)

  const [header, ...body] = records
  const columns = header.record.map((name) => name.trim().toLowerCase())
  const missing = USER_FIELDS.filter((field) => !columns.includes(field))
  const unknown = columns.filter((name) => !(USER_FIELDS as readonly string[]).includes(name))
  if (missing.length || unknown.length || columns.length !== USER_FIELDS.length) {
    return fileError(`header must be "${CSV_HEADER}" (missing: ${missing.join(", ") || "none"}; unexpected: ${unknown.join(", ") || "none"})`)
  }
  if (!body.length) return fileError("has a header but no users")
  if (body.length > CSV_MAX_ROWS) return fileError(`has ${body.length} users; at most ${CSV_MAX_ROWS} per file`)

  const rows = body.map(({ record, info }): ImportRow => {
    const row = info.lines
    const raw = Object.fromEntries(USER_FIELDS.map((field) => [field, record[columns.indexOf(field)]])) as Record<UserField, string | undefined>
    const user = normalizeUserInput(raw)
    const errors: ImportRowError[] =
      record.length !== columns.length
        ? [{ row, field: "csv", reason: `has ${record.length} values; expected ${columns.length}` }]
        : userFieldErrors(user).map((error) => ({ row, ...error }))
    return { row, user, errors }
  })
  markDuplicateEmails(rows, existingEmails)
  return { rows, errors: rows.flatMap((row) => row.errors) }
}

/** Adds an `email` error to every row whose e-mail another row, or an existing user, already has. */
export function markDuplicateEmails(rows: ImportRow[], existingEmails: Iterable<string>): void {
  const existing = new Set([...existingEmails].map((email) => email.toLowerCase()))
  const firstRow = new Map<string, number>()
  for (const row of rows) {
    const email = row.user.email
    if (!email || row.errors.some((error) => error.field === "email")) continue
    if (existing.has(email)) {
      row.errors.push({ row: row.row, field: "email", reason: `"${email}" is already a user of this sub-account` })
    } else if (firstRow.has(email)) {
      row.errors.push({ row: row.row, field: "email", reason: `"${email}" is already on row ${firstRow.get(email)}` })
    } else {
      firstRow.set(email, row.row)
    }
  }
}

/** The same checks for users given as a list (the one-by-one form); `row` is the 1-based position. */
export function checkUserList(users: SubAccountUserInput[], existingEmails: Iterable<string>): ImportRowError[] {
  const rows: ImportRow[] = users.map((raw, index) => {
    const user = normalizeUserInput(raw)
    return { row: index + 1, user, errors: userFieldErrors(user).map((error) => ({ row: index + 1, ...error })) }
  })
  markDuplicateEmails(rows, existingEmails)
  return rows.flatMap((row) => row.errors)
}

/** "Row 3, language: "xx" is not …" — the message of a refused import names its first problem. */
export function describeImportErrors(errors: ImportRowError[]): string {
  const [first] = errors
  if (!first) return "The users are valid."
  const where = first.row === 0 ? "The file" : `Row ${first.row}, ${first.field}:`
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? "s" : ""})` : ""
  return `${where} ${first.reason}${more}. Nothing was imported; fix the file and upload it again.`
}
