import { model } from "@medusajs/framework/utils"
import { STATEMENT_LINE_KINDS } from "../domain/statement"
import { AcronisStatement } from "./statement"

/** One line of a statement, with the snapshots and days it was computed from. */
export const AcronisStatementLine = model.define("acronis_statement_line", {
  id: model.id({ prefix: "acstline" }).primaryKey(),
  kind: model.enum([...STATEMENT_LINE_KINDS]),
  offering_item: model.text().nullable(),
  description: model.text(),
  quantity: model.text(),
  unit: model.text(),
  unit_price: model.text(),
  amount: model.text(),
  /** `{ snapshot_ids, days, raw_quantity?, service_period? }` */
  sources: model.json(),
  position: model.number().default(0),
  statement: model.belongsTo(() => AcronisStatement, { mappedBy: "lines" }),
})
