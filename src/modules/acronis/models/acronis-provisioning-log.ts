import { model } from "@medusajs/framework/utils"
import { AcronisSubscription } from "./acronis-subscription"

/**
 * One line of a subscription's provisioning history, for the admin: which step, in which run, what came of
 * it and what Acronis answered. Written as it happens and never rolled back with a failed run.
 */
export const AcronisProvisioningLog = model.define("acronis_provisioning_log", {
  id: model.id({ prefix: "acplog" }).primaryKey(),
  /** The run (`attempts` of the subscription when it was written). */
  attempt: model.number().default(0),
  step: model.text(),
  /** created | found | existing | done | skipped | retrying | failed */
  outcome: model.text(),
  acronis_status: model.number().nullable(),
  acronis_code: model.text().nullable(),
  message: model.text().nullable(),
  at: model.dateTime(),
  subscription: model.belongsTo(() => AcronisSubscription, { mappedBy: "provisioning_logs" }),
})
