import { formatAmount } from "../money"

describe("formatAmount", () => {
  it("shows major units in the currency's own decimals", () => {
    expect(formatAmount(90, "usd")).toEqual("$90.00")
    expect(formatAmount("13500", "JPY")).toEqual("¥13,500")
    expect(formatAmount("16.1", "eur")).toEqual("€16.10")
  })

  it("keeps up to 4 decimals of a unit price, and the currency's own for a total", () => {
    expect(formatAmount("0.045", "usd", { unitPrice: true })).toEqual("$0.045")
    expect(formatAmount("0.045", "usd")).toEqual("$0.05")
  })

  it("says nothing rather than a false zero when the amount is missing or unreadable", () => {
    for (const amount of [null, undefined, "", "  ", "n/a"]) expect(formatAmount(amount, "usd")).toEqual("—")
  })

  it("shows a bare figure without a currency", () => {
    expect(formatAmount(1.5, null)).toEqual("1.50")
  })
})
