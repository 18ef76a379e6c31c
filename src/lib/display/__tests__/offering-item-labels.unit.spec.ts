import { measurementUnitLabel, offeringItemLabel } from "../offering-item-labels"

describe("offeringItemLabel", () => {
  it("names an item by what it counts and how it is billed", () => {
    expect(offeringItemLabel("pw_base_workstations")).toBe("Workstations — per workload")
    expect(offeringItemLabel("pg_base_storage")).toBe("Backup storage — per gigabyte")
    expect(offeringItemLabel("fss_per_user")).toBe("File Sync & Share — per user")
  })

  it("keeps an unknown item readable rather than showing its API name", () => {
    expect(offeringItemLabel("pw_base_quantum_widgets")).toBe("Quantum widgets — per workload")
  })
})

describe("measurementUnitLabel", () => {
  it("shows bytes as GB and no unit for counts or n/a", () => {
    expect(measurementUnitLabel("bytes")).toBe("GB")
    expect(measurementUnitLabel("quantity")).toBe("")
    expect(measurementUnitLabel("n/a")).toBe("")
    expect(measurementUnitLabel(null)).toBe("")
  })
})
