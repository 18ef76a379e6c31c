import { optionsInForce } from "../options-in-force"
import { parseAcronisOptions } from "../options"

describe("optionsInForce", () => {
  it("shows a live store's options with the defaults filled in, and never its client secret", () => {
    const options = parseAcronisOptions({
      datacenterUrl: "https://eu2-cloud.acronis.com",
      clientId: "client-id",
      clientSecret: "shh-very-secret",
      contractTierLevels: { 7: null },
      emailTemplates: { "monthly-statement": () => ({ subject: "s", text: "t", html: "h" }) },
    })
    const shown = optionsInForce(options, "https://eu2-cloud.acronis.com")
    expect(JSON.stringify(shown)).not.toContain("shh-very-secret")
    expect(shown).toEqual(
      expect.objectContaining({
        mode: "live",
        datacenter_url: "https://eu2-cloud.acronis.com",
        client_id: "client-id",
        client_secret_set: true,
        provisioning: { attempts: 5, retry_base_delay_ms: 2_000, stale_after_seconds: 120 },
        lifecycle: { grace_period_days: 30, deletion_warning_days: 7 },
        billing_order_mode: "draft_order",
        email_templates_overridden: ["monthly-statement"],
        sandbox_control_api: false,
      })
    )
    expect(shown.contract_tier_levels[7]).toBeNull()
    expect(shown.contract_tier_levels[0]).not.toBeUndefined()
  })

  it("says a sandbox store has no secret and whether its control API is on", () => {
    const shown = optionsInForce(parseAcronisOptions({ sandbox: { controlApi: true } }), "http://127.0.0.1:4000")
    expect(shown).toEqual(expect.objectContaining({ mode: "sandbox", client_id: null, client_secret_set: false, sandbox_control_api: true }))
  })
})
