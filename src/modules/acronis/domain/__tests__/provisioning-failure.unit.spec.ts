import { MedusaError } from "@medusajs/framework/utils"
import { describeProvisioningFailure } from "../provisioning-failure"

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
