import { csvField, statementsCsv, type StatementForCsv } from "../statements-csv"

const statement = (over: Partial<StatementForCsv> = {}): StatementForCsv => ({
  id: "acstmt_1",
  period: "2026-10",
  status: "billed",
  currency_code: "usd",
  total: "16.10",
  hold_reason: null,
  reconciliation: { status: "matched" },
  order_id: null,
  draft_order_id: "order_1",
  customer: { name: "Ada Lovelace", email: "ada@example.com" },
  subscription: { id: "acsub_1", service_name: "Cyber Protect" },
  lines: [
    { description: "Storage", offering_item: "pg_base_storage", quantity: "2", unit: "GB", unit_price: "0.05", amount: "0.10" },
    { description: "Workstations", offering_item: "pg_base_workstations", quantity: "4", unit: "units", unit_price: "4", amount: "16.00" },
  ],
  ...over,
})

describe("statementsCsv", () => {
  it("writes a header and a row per line, the statement's fields on each", () => {
    const rows = statementsCsv([statement()]).split("\r\n")
    expect(rows[0]).toEqual(
      "period,statement_id,status,customer,customer_email,subscription_id,service,line,offering_item,quantity,unit,unit_price,amount,currency,statement_total,hold_reason,reconciliation,order_id"
    )
    expect(rows.slice(1)).toEqual([
      "2026-10,acstmt_1,billed,Ada Lovelace,ada@example.com,acsub_1,Cyber Protect,Storage,pg_base_storage,2,GB,0.05,0.10,usd,16.10,,matched,order_1",
      "2026-10,acstmt_1,billed,Ada Lovelace,ada@example.com,acsub_1,Cyber Protect,Workstations,pg_base_workstations,4,units,4,16.00,usd,16.10,,matched,order_1",
      "",
    ])
  })

  it("gives a statement without lines one row, with why it is on hold", () => {
    const rows = statementsCsv([statement({ status: "on_hold", lines: [], reconciliation: null, draft_order_id: null, hold_reason: { code: "usage_not_synced", message: "usage has never synced from Acronis" } })]).split("\r\n")
    expect(rows.slice(1, -1)).toEqual(["2026-10,acstmt_1,on_hold,Ada Lovelace,ada@example.com,acsub_1,Cyber Protect,,,,,,,usd,16.10,usage has never synced from Acronis,,"])
  })

  it("quotes commas, quotes and line breaks, and defuses what a spreadsheet would run as a formula", () => {
    expect(csvField('Smith, "Jr"')).toEqual('"Smith, ""Jr"""')
    expect(csvField("a\nb")).toEqual('"a\nb"')
    expect(csvField("=HYPERLINK(\"x\")")).toEqual('"\'=HYPERLINK(""x"")"')
    expect(csvField("@SUM(A1)")).toEqual("'@SUM(A1)")
    expect(csvField("-3.50")).toEqual("-3.50")
    expect(csvField(null)).toEqual("")
  })
})
