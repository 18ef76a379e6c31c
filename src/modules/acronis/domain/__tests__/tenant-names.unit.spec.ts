import { isTenantNameAttempt, MAX_TENANT_NAME_ATTEMPTS, TENANT_NAME_ATTEMPTS, tenantNameAttempt } from "../tenant-names"

describe("tenant names after a sibling-name clash", () => {
  const ref = "cus_01KBAKERY0000000000ABCD1234"

  it("tries the wanted name first, then numbered ones, then one with the end of our reference", () => {
    expect([1, 2, 3].map((attempt) => tenantNameAttempt("Co 4", attempt, ref))).toEqual(["Co 4", "Co 4 (2)", "Co 4 (3)"])
    expect(tenantNameAttempt("Co 4", TENANT_NAME_ATTEMPTS, ref)).toEqual("Co 4 (ABCD1234)")
  })

  it("recognises exactly the names it gives", () => {
    for (let attempt = 1; attempt <= TENANT_NAME_ATTEMPTS; attempt++) {
      expect(isTenantNameAttempt(tenantNameAttempt("Co 4", attempt, ref), "Co 4", ref)).toBe(true)
    }
    expect(isTenantNameAttempt(`Co 4 (${MAX_TENANT_NAME_ATTEMPTS + 1})`, "Co 4", ref)).toBe(false)
    expect(isTenantNameAttempt("Co 4 (1)", "Co 4", ref)).toBe(false)
    expect(isTenantNameAttempt("Co 4 (02)", "Co 4", ref)).toBe(false)
    expect(isTenantNameAttempt("Co 4 (EEEE9999)", "Co 4", ref)).toBe(false)
    expect(isTenantNameAttempt("Co 40", "Co 4", ref)).toBe(false)
    expect(isTenantNameAttempt("co 4", "Co 4", ref)).toBe(false)
    expect(isTenantNameAttempt("Co 4 (x)", "Co 4", ref)).toBe(false)
    expect(isTenantNameAttempt("My Co 4", "Co 4", ref)).toBe(false)
  })
})
