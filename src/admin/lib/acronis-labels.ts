// Labels the admin shows for the plugin's values; the store API carries its own (seed 001 wording).
export const OFFER_TYPE_LABELS: Record<string, string> = {
  ppu: "Cyber Protect Cloud (pay per use)",
  contract: "CSP contract",
  plan: "Seat plan",
}

export const PROTECTION_MODEL_LABELS: Record<string, string> = {
  per_gigabyte: "Per gigabyte",
  per_workload: "Per workload",
}

export const FILE_SYNC_SHARE_MODEL_LABELS: Record<string, string> = {
  per_user: "Per user",
  per_workload: "Per workload",
}

export const CONTRACT_CURRENCIES = ["usd", "eur", "gbp", "aud", "jpy", "cad"]
