import { describe, expect, it } from "@jest/globals"
import { ORDER_SUBSCRIPTIONS_GRACE_MS, orderSubscriptionsInFlux } from "../order-subscriptions-flux"

const now = Date.parse("2026-12-07T10:00:00Z")
const placedAt = new Date(now - 5_000).toISOString()
const line = (status: string, execution: "automatic" | "manual" = "automatic") => ({ status, execution })

describe("orderSubscriptionsInFlux", () => {
  it("waits for the subscriptions of an order placed moments ago, and gives up on an older order", () => {
    expect(orderSubscriptionsInFlux([], { placedAt, executed: false, now })).toBe(true)
    const old = new Date(now - ORDER_SUBSCRIPTIONS_GRACE_MS - 1).toISOString()
    expect(orderSubscriptionsInFlux([], { placedAt: old, executed: false, now })).toBe(false)
    // No answer yet, or the request failed: asked again while the order is new.
    expect(orderSubscriptionsInFlux(undefined, { placedAt, executed: false, now })).toBe(true)
    expect(orderSubscriptionsInFlux(undefined, { placedAt: old, executed: false, now })).toBe(false)
  })

  it("follows a storefront line until its run has claimed and finished it", () => {
    expect(orderSubscriptionsInFlux([line("pending")], { placedAt, executed: false, now })).toBe(true)
    expect(orderSubscriptionsInFlux([line("provisioning")], { placedAt, executed: false, now })).toBe(true)
    expect(orderSubscriptionsInFlux([line("active")], { placedAt, executed: false, now })).toBe(false)
  })

  it("keeps following the other lines when one has failed", () => {
    expect(orderSubscriptionsInFlux([line("failed"), line("pending")], { placedAt, executed: false, now })).toBe(true)
    expect(orderSubscriptionsInFlux([line("failed"), line("provisioning", "manual")], { placedAt, executed: true, now })).toBe(true)
    expect(orderSubscriptionsInFlux([line("failed"), line("active")], { placedAt, executed: true, now })).toBe(false)
  })

  it("does not poll a staff order waiting for Execute, and follows it after Execute until every line settled", () => {
    const waiting = [line("pending", "manual"), line("pending", "manual")]
    expect(orderSubscriptionsInFlux(waiting, { placedAt, executed: false, now })).toBe(false)
    expect(orderSubscriptionsInFlux(waiting, { placedAt, executed: true, now })).toBe(true)
    expect(orderSubscriptionsInFlux([line("active", "manual"), line("pending", "manual")], { placedAt, executed: true, now })).toBe(true)
    expect(orderSubscriptionsInFlux([line("active", "manual"), line("failed", "manual")], { placedAt, executed: true, now })).toBe(false)
  })
})
