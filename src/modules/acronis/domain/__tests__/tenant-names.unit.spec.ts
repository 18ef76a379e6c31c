import { isTenantNameAttempt, MAX_TENANT_NAME_ATTEMPTS, tenantNameAttempt } from "../tenant-names"

describe("tenant names after a sibling-name clash", () => {
  it("tries the wanted name first, then numbered ones", () => {
    expect([1, 2, 3].map((attempt) => tenantNameAttempt("Co 4", attempt))).toEqual(["Co 4", "Co 4 (2)", "Co 4 (3)"])
  })

  it("recognises exactly the names it gives", () => {
    for (let attempt = 1; attempt <= MAX_TENANT_NAME_ATTEMPTS; attempt++) {
      expect(isTenantNameAttempt(tenantNameAttempt("Co 4", attempt), "Co 4")).toBe(true)
    }
    expect(isTenantNameAttempt("Co 4 (11)", "Co 4")).toBe(false)
    expect(isTenantNameAttempt("Co 4 (1)", "Co 4")).toBe(false)
    expect(isTenantNameAttempt("Co 4 (02)", "Co 4")).toBe(false)
    expect(isTenantNameAttempt("Co 40", "Co 4")).toBe(false)
    expect(isTenantNameAttempt("co 4", "Co 4")).toBe(false)
    expect(isTenantNameAttempt("Co 4 (x)", "Co 4")).toBe(false)
    expect(isTenantNameAttempt("My Co 4", "Co 4")).toBe(false)
  })
})
