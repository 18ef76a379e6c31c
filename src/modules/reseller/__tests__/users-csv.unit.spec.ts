import { CSV_MAX_ROWS, describeImportErrors, parseUsersCsv } from "../users-csv"
import { similarityReasons } from "../similarity"

const HEADER = "email,first_name,last_name,language,time_zone"

describe("parseUsersCsv", () => {
  it("reads quoted values, any column order, a BOM and CRLF, and normalises e-mail and language", () => {
    const csv = "\uFEFFlast_name,first_name,email,time_zone,language\r\n\"Baker, Jr.\",Bob, Bob@Example.com ,UTC,DE\r\n"
    expect(parseUsersCsv(csv)).toEqual({
      rows: [{ row: 2, user: { email: "bob@example.com", first_name: "Bob", last_name: "Baker, Jr.", language: "de", time_zone: "UTC" }, errors: [] }],
      errors: [],
    })
  })

  it("lists every row's problems with the file's line numbers", () => {
    const csv = [HEADER, "a@example.com,Ann,Archer,en,UTC", "", "not-an-email,,Baker,zz,Nowhere/Town", "c@example.com,Cat,Cole,en"].join("\n")
    const { errors } = parseUsersCsv(csv)
    expect(errors).toEqual([
      { row: 4, field: "email", reason: '"not-an-email" is not a valid e-mail address' },
      { row: 4, field: "first_name", reason: "is required" },
      { row: 4, field: "language", reason: expect.stringContaining('"zz"') },
      { row: 4, field: "time_zone", reason: expect.stringContaining('"Nowhere/Town"') },
      { row: 5, field: "csv", reason: "has 4 values; expected 5" },
    ])
    expect(describeImportErrors(errors)).toMatch(/^Row 4, email: "not-an-email" is not a valid e-mail address \(and 4 more problems\)/)
  })

  it("refuses files over the row limit or the size limit, and unreadable CSV, as a whole", () => {
    const rows = Array.from({ length: CSV_MAX_ROWS + 1 }, (_, i) => `u${i}@example.com,U,V,en,UTC`)
    expect(parseUsersCsv([HEADER, ...rows].join("\n")).errors).toEqual([{ row: 0, field: "csv", reason: `has ${CSV_MAX_ROWS + 1} users; at most ${CSV_MAX_ROWS} per file` }])
    expect(parseUsersCsv(HEADER + "\n" + "x".repeat(1024 * 1024)).errors[0]).toEqual({ row: 0, field: "csv", reason: "is larger than 1 MB" })
    expect(parseUsersCsv(`${HEADER}\n"a@example.com,Ann`).errors[0]).toEqual(expect.objectContaining({ field: "csv", reason: expect.stringMatching(/^cannot be read/) }))
  })
})

describe("similarityReasons", () => {
  const existing = { name: "Contoso GmbH", email: "it@contoso.de", address_1: "Hauptstraße 5", postal_code: "10115", country_code: "de" }

  it("matches names without legal forms, street spellings, and company e-mail domains", () => {
    expect(similarityReasons({ name: "contoso" }, existing)).toEqual(["name"])
    expect(similarityReasons({ name: "X", address_1: "Hauptstr. 5", postal_code: "10115", country_code: "DE" }, existing)).toEqual(["address"])
    expect(similarityReasons({ name: "X", email: "bob@CONTOSO.de" }, existing)).toEqual(["email_domain"])
  })

  it("does not match on public mailbox domains or different companies", () => {
    expect(similarityReasons({ name: "Fabrikam AG", email: "a@gmail.com" }, { ...existing, email: "b@gmail.com" })).toEqual([])
  })
})
