import { CONTRACT_TIERS, contractTierLevel, DEFAULT_CONTRACT_TIER_LEVELS } from "../licensing"

describe("contract tiers as Acronis counts them", () => {
  it("maps the storefront's Tier 0..7 to Acronis's no-commitment level and its Tier 1..7 (levels 0..6)", () => {
    expect(CONTRACT_TIERS.map((tier) => contractTierLevel(tier, DEFAULT_CONTRACT_TIER_LEVELS))).toEqual([-1, 0, 1, 2, 3, 4, 5, 6])
  })

  it("has no level for a tier the merchant marked as not offered, or one outside the table", () => {
    const levels = { ...DEFAULT_CONTRACT_TIER_LEVELS, 7: null }
    expect(contractTierLevel(7, levels)).toBeNull()
    expect(contractTierLevel(8, levels)).toBeNull()
    expect(contractTierLevel(6, levels)).toEqual(5)
  })
})
