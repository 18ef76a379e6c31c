import { z } from "@medusajs/framework/zod"
import { describeIssues, findNulCharacter, refusalNamesItsFields } from "../validate-request"

describe("refusals of the plugin's routes", () => {
  const issuesOf = (schema: z.ZodType, input: unknown) => {
    const result = schema.safeParse(input)
    if (result.success) throw new Error("expected a refusal")
    return result.error.issues as never
  }

  it("name every field and its reason, with a dotted path into lists and objects", () => {
    const schema = z.object({ period: z.string().regex(/^\d{4}-\d{2}$/, "must be a month as YYYY-MM"), users: z.array(z.object({ email: z.email() })) }).strict()
    expect(describeIssues(issuesOf(schema, { period: "May", users: [{ email: "x" }], extra: 1 }), "body")).toEqual(
      "period: must be a month as YYYY-MM; users.0.email: Invalid email address; extra: is not a field of this request"
    )
    expect(describeIssues(issuesOf(schema, {}), "body")).toEqual("period: is required; users: is required")
  })

  it("say why a record's key was refused, not only that it was", () => {
    const prices = z.object({ prices: z.record(z.string().refine((code) => code === "usd", "is not a currency Medusa knows"), z.number()) })
    expect(describeIssues(issuesOf(prices, { prices: { xyz: 1 } }), "body")).toEqual("prices.xyz: is not a currency Medusa knows")
  })

  it("say so when the body itself is wrong, and quote keys that are not plain words", () => {
    expect(describeIssues(issuesOf(z.object({ a: z.string() }), ["x"]), "body")).toMatch(/^\(body\): /)
    expect(describeIssues(issuesOf(z.object({}).strict(), { "": 1, "a b": 2 }), "query")).toEqual(
      '"": is not a field of this request; "a b": is not a field of this request'
    )
  })

  it("are told apart: Medusa's wording that names the field is kept, one that does not is not", () => {
    expect(refusalNamesItsFields("Invalid request: Expected: 'ppu, contract, plan' for field 'type', but got: 'bundle'")).toBe(true)
    expect(refusalNamesItsFields("Invalid request: Unrecognized fields: 'x'; Field 'name' is required")).toBe(true)
    expect(refusalNamesItsFields("Invalid request: users.0.email: Invalid email address")).toBe(true)
    expect(refusalNamesItsFields("Invalid request: Invalid UUID")).toBe(false)
    expect(refusalNamesItsFields("Invalid request: Field '' is required")).toBe(false)
    expect(refusalNamesItsFields("Invalid request: must be a month as YYYY-MM")).toBe(false)
  })

  it("find a NUL character in any string or key, however deep", () => {
    expect(findNulCharacter({ users: [{ first_name: "Jo\u0000hn" }] })).toEqual("users.0.first_name")
    expect(findNulCharacter({ ["k\u0000"]: 1 })).toEqual('"k\\u0000"')
    expect(findNulCharacter({ login: { "a~b": ["x", "y\u0000"] } })).toEqual('login."a~b".1')
    expect(findNulCharacter({ name: "Contoso", tags: ["a", "b"], n: 1, ok: null })).toBeNull()
  })
})
