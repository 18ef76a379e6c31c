import { gracePeriodStage } from "../grace-period"
import { closeSpan, openSpan, serviceEndedOn, serviceSpansOf, spansWithin } from "../service-spans"
import { canTransition, isDeadRun, provisioningRefusal } from "../subscription-status"

describe("service spans", () => {
  it("end the day before a suspension and start again on the day of a resume", () => {
    const activated = openSpan([], "2026-09-01T08:00:00Z")
    const suspended = closeSpan(activated, "2026-10-11T12:00:00Z")
    const resumed = openSpan(suspended, "2026-10-20T09:00:00Z")
    expect(resumed).toEqual([{ from: "2026-09-01", to: "2026-10-10" }, { from: "2026-10-20", to: null }])
    expect(serviceEndedOn(suspended)).toEqual("2026-10-10")
    expect(serviceEndedOn(resumed)).toBeNull()
    expect(spansWithin(resumed, "2026-10-01", "2026-10-31")).toEqual([{ from: "2026-10-01", to: "2026-10-10" }, { from: "2026-10-20", to: "2026-10-31" }])
  })

  it("bill no day of a service suspended on the day it started, and never open two spans", () => {
    expect(closeSpan(openSpan([], "2026-09-01T08:00:00Z"), "2026-09-01T20:00:00Z")).toEqual([])
    const running = openSpan([], "2026-09-01T08:00:00Z")
    expect(openSpan(running, "2026-09-05T08:00:00Z")).toBe(running)
  })

  it("are derived for subscriptions from before spans, from activation and suspension", () => {
    expect(serviceSpansOf({ activated_at: "2026-09-01T08:00:00Z", suspended_at: "2026-10-01T08:00:00Z" })).toEqual([{ from: "2026-09-01", to: "2026-09-30" }])
    expect(serviceSpansOf({ activated_at: null })).toEqual([])
  })
})

describe("grace period", () => {
  const day = (d: string) => new Date(`${d}T12:00:00Z`)
  const base = { terminate_after: day("2026-10-31"), warning_days: 7 }

  it("waits, warns the given days before, and deletes once the period and the notice are over", () => {
    expect(gracePeriodStage({ ...base, now: day("2026-10-23"), deletion_warned_at: null })).toEqual("wait")
    expect(gracePeriodStage({ ...base, now: day("2026-10-24"), deletion_warned_at: null })).toEqual("warn")
    expect(gracePeriodStage({ ...base, now: day("2026-10-30"), deletion_warned_at: day("2026-10-24") })).toEqual("wait")
    expect(gracePeriodStage({ ...base, now: day("2026-10-31"), deletion_warned_at: day("2026-10-24") })).toEqual("terminate")
  })

  it("gives a late warning its full notice instead of deleting at once", () => {
    expect(gracePeriodStage({ ...base, now: day("2026-11-12"), deletion_warned_at: null })).toEqual("warn")
    expect(gracePeriodStage({ ...base, now: day("2026-11-18"), deletion_warned_at: day("2026-11-12") })).toEqual("wait")
    expect(gracePeriodStage({ ...base, now: day("2026-11-19"), deletion_warned_at: day("2026-11-12") })).toEqual("terminate")
  })

  it("deletes without a warning only when the merchant set no notice", () => {
    expect(gracePeriodStage({ ...base, warning_days: 0, now: day("2026-10-31"), deletion_warned_at: null })).toEqual("terminate")
  })
})

describe("subscription statuses", () => {
  it("resume only from suspended, and end for good when terminated", () => {
    expect(canTransition("suspended", "active")).toBe(true)
    expect(canTransition("suspended", "terminated")).toBe(true)
    expect(canTransition("terminated", "active")).toBe(false)
    expect(canTransition("active", "terminated")).toBe(false)
  })
})

describe("provisioning runs", () => {
  const now = Date.parse("2026-12-07T12:00:00Z")
  const secondsAgo = (seconds: number) => new Date(now - seconds * 1000)
  const STALE_MS = 120_000

  it("count as dead once the heartbeat is older than the stale time, however recent the last update", () => {
    expect(isDeadRun({ status: "provisioning", heartbeat_at: secondsAgo(121), updated_at: secondsAgo(1) }, STALE_MS, now)).toBe(true)
    expect(isDeadRun({ status: "provisioning", heartbeat_at: secondsAgo(119), updated_at: secondsAgo(3600) }, STALE_MS, now)).toBe(false)
    // Rows from before heartbeats count from their last update.
    expect(isDeadRun({ status: "provisioning", heartbeat_at: null, updated_at: secondsAgo(121) }, STALE_MS, now)).toBe(true)
    expect(isDeadRun({ status: "active", heartbeat_at: secondsAgo(9999) }, STALE_MS, now)).toBe(false)
  })

  it("may be retried when failed or dead, never while one beats", () => {
    const run = (heartbeatSecondsAgo: number) => ({
      status: "provisioning" as const,
      execution: "automatic" as const,
      heartbeat_at: secondsAgo(heartbeatSecondsAgo),
    })
    expect(provisioningRefusal(run(10), "retry", STALE_MS, now)).toMatch(/a provisioning run is under way/)
    expect(provisioningRefusal(run(200), "retry", STALE_MS, now)).toBeNull()
    expect(provisioningRefusal({ status: "failed", execution: "automatic" }, "retry", STALE_MS, now)).toBeNull()
    expect(provisioningRefusal(run(200), "order_placed", STALE_MS, now)).toMatch(/already provisioning/)
  })
})
