import { describe, expect, it } from "@jest/globals"
import { formatAcronisFigure, formatLineDescription, formatLineQuantity } from "../billed-line-display"

describe("formatLineQuantity", () => {
  it("rounds GB and hours to at most two decimals", () => {
    expect(formatLineQuantity({ quantity: "79.62808", unit: "GB" }, "en-US")).toBe("79.63 GB")
    expect(formatLineQuantity({ quantity: "2.5", unit: "hours" }, "en-US")).toBe("2.5 hours")
    expect(formatLineQuantity({ quantity: "1234.000001", unit: "GB" }, "en-US")).toBe("1,234 GB")
  })

  it("shows a count as a whole number without a unit word, and a share of one with two decimals", () => {
    expect(formatLineQuantity({ quantity: "5", unit: "units" }, "en-US")).toBe("5")
    expect(formatLineQuantity({ quantity: "12.0000", unit: "seats" }, "en-US")).toBe("12 seats")
    expect(formatLineQuantity({ quantity: "1.6129032258", unit: "seats" }, "en-US")).toBe("1.61 seats")
  })

  it("says one month, one seat", () => {
    expect(formatLineQuantity({ quantity: "1", unit: "months" }, "en-US")).toBe("1 month")
    expect(formatLineQuantity({ quantity: "1", unit: "seats" }, "en-US")).toBe("1 seat")
    expect(formatLineQuantity({ quantity: "0.3225806452", unit: "months" }, "en-US")).toBe("0.32 months")
  })

  it("leaves a quantity it cannot read as the API gave it", () => {
    expect(formatLineQuantity({ quantity: "n/a", unit: "GB" }, "en-US")).toBe("n/a GB")
  })
})

describe("formatLineDescription", () => {
  it("names the offering item as Acronis does, not by its API name", () => {
    expect(formatLineDescription({ offering_item: "pg_base_storage", description: "pg_base_storage — peak storage", unit: "GB" })).toBe(
      "Backup storage — per gigabyte, peak storage"
    )
    expect(
      formatLineDescription({ offering_item: "pw_base_workstations", description: "pw_base_workstations — peak count (1 Dec to 9 Dec)", unit: "units" })
    ).toBe("Workstations — per workload, peak count (1 Dec to 9 Dec)")
  })

  it("writes a plan's quota in the line's unit", () => {
    expect(
      formatLineDescription({ offering_item: "pg_base_storage", description: "pg_base_storage — above the plan's 107374182400", unit: "GB" }, "en-US")
    ).toBe("Backup storage — per gigabyte, above the plan's 100 GB")
    expect(formatLineDescription({ offering_item: "pu_base_m365_seats", description: "pu_base_m365_seats — above the plan's 10", unit: "units" })).toBe(
      "Microsoft 365 seats — per user, above the plan's 10"
    )
  })

  it("keeps a line without an offering item as written", () => {
    expect(formatLineDescription({ offering_item: null, description: "Plan fee for December 2026", unit: "months" })).toBe("Plan fee for December 2026")
  })
})

describe("formatAcronisFigure", () => {
  it("groups a reconciliation figure's digits and keeps every one of them", () => {
    expect(formatAcronisFigure("85500000000", "en-US")).toBe("85,500,000,000")
    expect(formatAcronisFigure("123456789012345678901", "en-US")).toBe("123,456,789,012,345,678,901")
    expect(formatAcronisFigure("0", "en-US")).toBe("0")
    expect(formatAcronisFigure("1.5", "en-US")).toBe("1.5")
  })
})
