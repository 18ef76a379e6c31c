import { periodsToClose, reasonNotToClose } from "../catch-up"
import { holdReasonFor, isSettled } from "../statement-status"

describe("reasonNotToClose", () => {
  it("refuses a month that ended before the first service day, or a service that never started, and allows the rest", () => {
    const spans = [{ from: "2026-10-20", to: "2026-11-04" }, { from: "2027-01-10", to: null }]
    expect(reasonNotToClose(spans, "2026-09")).toEqual("2026-09 ended before its service started on 2026-10-20")
    expect(reasonNotToClose([...spans].reverse(), "2026-09")).toEqual("2026-09 ended before its service started on 2026-10-20")
    expect(reasonNotToClose([], "2026-10")).toEqual("its service never started, so 2026-10 has nothing to bill")
    // The month of activation, a month suspended all through (a fee may come back there) and later ones are closed as usual.
    for (const period of ["2026-10", "2026-12", "2027-02"]) expect(reasonNotToClose(spans, period)).toBeNull()
  })
})

describe("periodsToClose", () => {
  const none = new Set<string>()
  const running = (from: string) => [{ from, to: null }]

  it("closes every ended month from the first service day, and none in progress", () => {
    expect(periodsToClose({ spans: running("2026-08-15"), closed: none, today: "2026-11-01" })).toEqual(["2026-08", "2026-09", "2026-10"])
    expect(periodsToClose({ spans: running("2026-11-01"), closed: none, today: "2026-11-30" })).toEqual([])
    expect(periodsToClose({ spans: [], closed: none, today: "2026-11-30" })).toEqual([])
  })

  it("skips the months already closed, and stops at the month the service ended", () => {
    const closed = new Set(["2026-08"])
    expect(periodsToClose({ spans: [{ from: "2026-08-15", to: "2026-09-10" }], closed, today: "2027-03-01" })).toEqual(["2026-09"])
    // Stopped on 1 October: October is closed too, where a fee paid for it in advance comes back.
    expect(periodsToClose({ spans: [{ from: "2026-08-15", to: "2026-09-30" }], closed, today: "2027-03-01" })).toEqual(["2026-09", "2026-10"])
  })

  it("skips the months a suspended service did not run in, and comes back with its resume", () => {
    const spans = [{ from: "2026-01-10", to: "2026-03-09" }, { from: "2026-07-01", to: null }]
    expect(periodsToClose({ spans, closed: none, today: "2026-08-02" })).toEqual(["2026-01", "2026-02", "2026-03", "2026-07"])
  })

  it("crosses a year, and stays bounded by today however old the activation", () => {
    expect(periodsToClose({ spans: running("2026-11-30"), closed: none, today: "2027-02-01" })).toEqual(["2026-11", "2026-12", "2027-01"])
    expect(periodsToClose({ spans: running("2016-01-01"), closed: none, today: "2027-01-15" })).toHaveLength(132)
  })
})

describe("holdReasonFor", () => {
  const report = { available: true as const }

  it("issues a month whose last billed day was read", () => {
    expect(holdReasonFor({ last_billed_day: "2026-03-31", last_synced_at: "2026-03-31T10:00:00.000Z", snapshot_days: ["2026-03-01", "2026-03-31"], report })).toBeNull()
  })

  it("holds a month whose last days were never read, even when a sync came after the month", () => {
    expect(
      holdReasonFor({ last_billed_day: "2026-03-31", last_synced_at: "2026-04-01T00:00:05.000Z", snapshot_days: ["2026-03-01", "2026-03-26"], report })
    ).toEqual(expect.objectContaining({ code: "usage_not_synced", message: expect.stringContaining("2026-03-31") }))
    expect(holdReasonFor({ last_billed_day: "2026-03-31", last_synced_at: null, snapshot_days: [], report })).toEqual(
      expect.objectContaining({ code: "usage_not_synced", last_synced_at: null })
    )
  })

  it("takes a tenant that reports nothing at all as read once a sync reached the day", () => {
    expect(holdReasonFor({ last_billed_day: "2026-03-31", last_synced_at: "2026-03-31T12:00:00.000Z", snapshot_days: [], report })).toBeNull()
  })

  it("holds for Acronis's report after the usage, and never a month with no billed day", () => {
    const missing = { available: false as const, error: "not ready" }
    expect(holdReasonFor({ last_billed_day: "2026-03-31", last_synced_at: "2026-03-31T10:00:00.000Z", snapshot_days: ["2026-03-31"], report: missing })).toEqual(
      expect.objectContaining({ code: "report_unavailable", message: expect.stringContaining("not ready") })
    )
    expect(holdReasonFor({ last_billed_day: null, last_synced_at: null, snapshot_days: [], report: missing })).toBeNull()
  })
})

describe("isSettled", () => {
  it("counts billed statements and issued ones with nothing to charge, not an issued one still owed an order", () => {
    expect([
      isSettled({ status: "billed", total: "12.00" }),
      isSettled({ status: "issued", total: "0.00" }),
      isSettled({ status: "issued", total: "-3.10" }),
      isSettled({ status: "issued", total: "12.00" }),
      isSettled({ status: "on_hold", total: "0.00" }),
      isSettled({ status: "draft", total: "0.00" }),
    ]).toEqual([true, true, true, false, false, false])
  })
})
