import { parseAcronisOptions } from "../options"

describe("parseAcronisOptions", () => {
  it("defaults to sandbox mode with no credentials", () => {
    const options = parseAcronisOptions({})
    expect(options).toEqual(
      expect.objectContaining({ mode: "sandbox", shopName: "Acronis Cyber Protect Cloud", sandbox: { port: 0, controlApi: false } })
    )
  })

  it("switches to live mode when credentials are given", () => {
    const options = parseAcronisOptions({
      datacenterUrl: "https://eu2-cloud.acronis.com",
      clientId: "client",
      clientSecret: "shh-very-secret",
    })
    expect(options.mode).toEqual("live")
  })

  it("takes the merchant's Acronis tier levels over the defaults, null for a tier the datacentre does not offer", () => {
    expect(parseAcronisOptions({ contractTierLevels: { 6: 7, 7: null } }).contractTierLevels).toEqual({ 6: 7, 7: null })
    expect(parseAcronisOptions({}).contractTierLevels).toEqual({})
  })

  it("ignores the keys Medusa adds to every module's options", () => {
    expect(parseAcronisOptions({ database: { clientUrl: "postgres://x" } }).mode).toEqual("sandbox")
  })

  it("maps each licensing model to an Acronis edition: File Sync & Share per workload sells as fss_per_user by default", () => {
    expect(parseAcronisOptions({}).editions).toEqual({
      protection: { per_gigabyte: "pck_per_gigabyte", per_workload: "pck_per_workload" },
      file_sync_share: { per_user: "fss_per_user", per_workload: "fss_per_user" },
    })
    const merchant = parseAcronisOptions({ editions: { file_sync_share: { per_workload: "fss_per_gigabyte" } } }).editions
    expect(merchant.file_sync_share).toEqual({ per_user: "fss_per_user", per_workload: "fss_per_gigabyte" })
    expect(merchant.protection).toEqual({ per_gigabyte: "pck_per_gigabyte", per_workload: "pck_per_workload" })
  })

  it.each([
    [{ editions: { file_sync_share: { per_seat: "fss_per_user" } } }, /unknown option|Unrecognized key.*per_seat|`editions.file_sync_share`/],
    [{ editions: { protection: { per_workload: "Per Workload" } } }, /`editions.protection.per_workload` must be an Acronis edition name such as fss_per_user/],
    [{ mode: "staging" }, /`mode` Invalid option: expected one of "sandbox"\|"live"/],
    [{ clientSecert: "typo" }, /unknown option `clientSecert` \(allowed: mode, datacenterUrl, clientId, clientSecret/],
    [{ mode: "live" }, /`datacenterUrl` is required in live mode/],
    [{ datacenterUrl: "ftp://dc" }, /`datacenterUrl` Invalid URL/],
    [{ sandbox: { port: 70000 } }, /`sandbox.port` Too big/],
    [{ contractTierLevels: { 8: 7 } }, /`contractTierLevels.8` keys are contract tiers 0 to 7/],
    [{ contractTierLevels: { 3: 9 } }, /`contractTierLevels.3` Acronis tier levels run from -2 to 7/],
    [{ contractTierLevels: { 3: 1.5 } }, /`contractTierLevels.3` Invalid input: expected int/],
  ])("refuses %j naming the option and what is allowed", (raw, message) => {
    expect(() => parseAcronisOptions(raw)).toThrow(message)
  })

  describe("in production", () => {
    const nodeEnv = process.env.NODE_ENV
    beforeEach(() => {
      process.env.NODE_ENV = "production"
    })
    afterEach(() => {
      process.env.NODE_ENV = nodeEnv
    })

    it("refuses to fall back to the sandbox, saying what to set", () => {
      expect(() => parseAcronisOptions({})).toThrow(/`mode` is not set and no Acronis credentials are, while NODE_ENV is "production": set datacenterUrl, clientId and clientSecret/)
    })

    it("runs the sandbox when it is chosen, and live mode with credentials", () => {
      expect(parseAcronisOptions({ mode: "sandbox" }).mode).toEqual("sandbox")
      expect(parseAcronisOptions({ datacenterUrl: "https://eu2-cloud.acronis.com", clientId: "c", clientSecret: "s" }).mode).toEqual("live")
    })
  })

  it("never repeats a given secret in its error", () => {
    const secret = "s3cr3t-value-that-must-not-leak"
    expect(() => parseAcronisOptions({ mode: "live", clientSecret: secret, clientId: 42 })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(secret) })
    )
  })
})
