import { nextPath } from "../next-path"

describe("nextPath", () => {
  it("keeps a path of this store, with its query and hash", () => {
    expect(nextPath("/checkout?step=terms")).toEqual("/checkout?step=terms")
    expect(nextPath("/account/subscriptions/acsub_1#usage")).toEqual("/account/subscriptions/acsub_1#usage")
  })

  it.each([
    ["another site", "https://evil.example/"],
    ["a protocol-relative URL", "//evil.example"],
    ["a backslash the browser reads as a slash", "/\\evil.example"],
    ["a tab the URL parser drops", "/\t/evil.example"],
    ["a newline", "/\n/evil.example"],
    ["a relative path", "checkout"],
    ["a script URL", "javascript:alert(1)"],
  ])("refuses %s", (_, next) => {
    expect(nextPath(next)).toEqual("/account")
  })

  it("falls back when there is none", () => {
    expect(nextPath(null, "/")).toEqual("/")
    expect(nextPath("", "/")).toEqual("/")
  })
})
