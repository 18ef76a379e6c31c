import { MedusaError } from "@medusajs/framework/utils"
import { describeProvisioningFailure, stepFailureMessage } from "../provisioning-failure"

describe("describeProvisioningFailure", () => {
  it("takes a lock another run holds as transient: a crashed worker's lock expires, and a later run gets it", () => {
    const held = new MedusaError(MedusaError.Types.CONFLICT, 'Failed to acquire lock for key "acronis-customer-tenant:cus_1"')
    expect(describeProvisioningFailure("acquire-lock-step", held)).toEqual(
      expect.objectContaining({ step: "acquire-lock-step", kind: "conflict", transient: true })
    )
  })

  it("keeps a conflict from any other step for a person to look at", () => {
    const taken = new MedusaError(MedusaError.Types.CONFLICT, "login johndoe is taken")
    expect(describeProvisioningFailure("create-user", taken)).toEqual(expect.objectContaining({ kind: "conflict", transient: false }))
  })
})

describe("stepFailureMessage", () => {
  it("says which step failed before what Acronis answered", () => {
    expect(stepFailureMessage("find-or-create-sub-account-tenant", "Acronis POST /api/2/tenants failed with 403: Forbidden")).toEqual(
      "Find or create sub account tenant failed: Acronis POST /api/2/tenants failed with 403: Forbidden"
    )
    expect(stepFailureMessage("acquire-lock-step", "lock held")).toEqual("Acquire lock failed: lock held")
    expect(stepFailureMessage(undefined, "no step")).toEqual("no step")
  })
})
