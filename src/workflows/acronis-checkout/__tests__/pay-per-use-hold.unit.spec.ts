import { payPerUseConsumerKey, type AcronisBuyer } from "../buyer"
import { PAY_PER_USE_HOLD_MS, payPerUseHoldState } from "../pay-per-use-hold"

describe("the pay-per-use hold", () => {
  const now = Date.parse("2026-12-07T12:00:00Z")

  it("stands while its checkout completes, then gives way if no order came of it", () => {
    expect(payPerUseHoldState({ order_id: null, created_at: new Date(now - 1000) }, false, now)).toEqual("in_flight")
    expect(payPerUseHoldState({ order_id: null, created_at: new Date(now - PAY_PER_USE_HOLD_MS - 1) }, false, now)).toEqual("abandoned")
  })

  it("is settled once its order exists, recorded or only seen as a completed cart", () => {
    expect(payPerUseHoldState({ order_id: "order_1", created_at: new Date(now - 10 * PAY_PER_USE_HOLD_MS) }, false, now)).toEqual("settled")
    expect(payPerUseHoldState({ order_id: null, created_at: new Date(now - 1000) }, true, now)).toEqual("settled")
  })

  it("is keyed by whose service it is: the sub-account, the reseller buying for itself, or the customer", () => {
    const base: AcronisBuyer = { customer_id: "cus_1", has_account: true, reseller: null, sub_account_id: null, sub_account: null }
    expect(payPerUseConsumerKey(base)).toEqual("customer:cus_1")
    const reseller = { id: "res_1", name: "R", status: "active", customer_ids: ["cus_1", "cus_2"] }
    expect(payPerUseConsumerKey({ ...base, reseller })).toEqual("reseller:res_1")
    const subAccount = { id: "sub_1", name: "S", status: "active", reseller_id: "res_1", acronis_tenant_id: null }
    expect(payPerUseConsumerKey({ ...base, reseller, sub_account_id: "sub_1", sub_account: subAccount })).toEqual("sub_account:sub_1")
    expect(payPerUseConsumerKey({ ...base, customer_id: null })).toBeNull()
  })
})
