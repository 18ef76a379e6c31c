import { CONTRACT_CURRENCIES } from "../modules/acronis/domain/licensing"

/**
 * The demo store's catalogue: one pay-per-use product, eight CSP contract tiers and two seat plans from
 * Acronis, and two plain services sold beside them (no offer, no shipping), as a real shop would.
 */

type Amounts = Record<string, number>

// Minimum monthly commitments rising from none, in USD; other currencies from rounded rates.
const TIER_COMMITMENTS_USD = [0, 250, 500, 1000, 2500, 5000, 10000, 25000]
const RATES: Record<(typeof CONTRACT_CURRENCIES)[number], number> = {
  usd: 1,
  eur: 0.9,
  gbp: 0.8,
  aud: 1.5,
  jpy: 150,
  cad: 1.35,
}

const inEveryContractCurrency = (usd: number): Amounts =>
  Object.fromEntries(CONTRACT_CURRENCIES.map((currency) => [currency, Math.round(usd * RATES[currency])]))

export type DemoProduct = {
  handle: string
  title: string
  description: string
  prices: Amounts
  /** None for a plain product: Medusa sells it as it is. */
  offer?: Record<string, unknown> & { type: "ppu" | "contract" | "plan" }
}

export const DEMO_REGIONS = [
  { name: "United States", currency_code: "usd", countries: ["us"] },
  { name: "Europe", currency_code: "eur", countries: ["de", "fr", "nl", "es", "it", "be", "at"] },
  { name: "United Kingdom", currency_code: "gbp", countries: ["gb"] },
  { name: "Australia", currency_code: "aud", countries: ["au"] },
  { name: "Japan", currency_code: "jpy", countries: ["jp"] },
  { name: "Canada", currency_code: "cad", countries: ["ca"] },
]

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    handle: "acronis-cyber-protect-cloud",
    title: "Acronis Cyber Protect Cloud",
    description:
      "Backup, disaster recovery, File Sync & Share, Physical Data Shipping and Notary, billed by the calendar month for what you use.",
    prices: inEveryContractCurrency(0),
    offer: {
      type: "ppu",
      protection_models: ["per_gigabyte", "per_workload"],
      file_sync_share_models: ["per_user", "per_workload"],
      storage_basis: "peak",
      unit_prices: {
        pg_base_storage: { usd: 0.05, eur: 0.045, gbp: 0.04 },
        pg_base_workstations: { usd: 1, eur: 0.9, gbp: 0.8 },
        pg_base_servers: { usd: 5, eur: 4.5, gbp: 4 },
        pw_base_storage: { usd: 0.03, eur: 0.027, gbp: 0.024 },
        pw_base_workstations: { usd: 4, eur: 3.6, gbp: 3.2 },
        pw_base_servers: { usd: 12, eur: 10.8, gbp: 9.6 },
        // File Sync & Share per user and per workload both sell fss_per_user by default (README, "Editions").
        pu_base_fc_seats: { usd: 2, eur: 1.8, gbp: 1.6 },
        notarizations: { usd: 0.1, eur: 0.09, gbp: 0.08 },
      },
    },
  },
  ...TIER_COMMITMENTS_USD.map((usd, tier) => ({
    handle: `acronis-csp-contract-tier-${tier}`,
    title: `Acronis CSP Contract Tier ${tier}`,
    description:
      tier === 0
        ? "Acronis Cyber Cloud for Service Providers with no minimum commitment. For resellers, for their own use."
        : `Acronis Cyber Cloud for Service Providers with a minimum monthly commitment. For resellers, for their own use.`,
    prices: inEveryContractCurrency(0),
    offer: { type: "contract" as const, contract_tier: tier, commitments: inEveryContractCurrency(usd) },
  })),
  {
    handle: "acronis-cloud-seat-plan",
    title: "Acronis Cloud Backup — 25 users",
    description: "Cloud instance, post-paid: charged for the most user accounts registered during the past month.",
    prices: inEveryContractCurrency(0),
    offer: {
      type: "plan",
      plan: {
        deployment: "cloud",
        payment: "post_paid",
        billing_intervals: ["month"],
        data_centers: ["eu2", "us5"],
        postponed_billing: true,
        seat_prices: { usd: 3, eur: 2.7, gbp: 2.4 },
        included_seats: 25,
      },
      offering_items: [{ name: "pw_base_workstations", edition: "pck_per_workload", quota: { value: 25, overage: 5 } }],
    },
  },
  {
    handle: "acronis-saas-seat-plan",
    title: "Acronis SaaS Backup — 10 users",
    description: "SaaS instance, pre-paid: the price is fixed until the end of the period within the plan's conditions.",
    prices: { usd: 30, eur: 27, gbp: 24 },
    offer: {
      type: "plan",
      plan: {
        deployment: "saas",
        payment: "pre_paid",
        billing_intervals: ["month", "year"],
        data_centers: ["eu2"],
        postponed_billing: true,
        seat_prices: { usd: 3, eur: 2.7, gbp: 2.4 },
        included_seats: 10,
      },
      offering_items: [{ name: "pw_base_m365_seats", edition: "pck_per_workload", quota: { value: 10, overage: 0 } }],
    },
  },
  // Plain services: no shipping profile, so their lines need no delivery.
  {
    handle: "onboarding-session",
    title: "Onboarding session (1 hour)",
    description: "One hour with a backup specialist by video call: we set up your first protection plan together.",
    prices: inEveryContractCurrency(90),
  },
  {
    handle: "backup-health-check",
    title: "Backup health check",
    description: "A review of your backup plans, retention and last restores, with a written report within five working days.",
    prices: inEveryContractCurrency(149),
  },
]
