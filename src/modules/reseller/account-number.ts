import { PENDING_ACCOUNT_NUMBER } from "./index"

/** What users see: "PENDING" in the account number until the Acronis tenant exists (seed 003). */
export function presentSubAccount<T extends { account_number?: string | null }>(subAccount: T): T & { account_number: string } {
  return { ...subAccount, account_number: subAccount.account_number ?? PENDING_ACCOUNT_NUMBER }
}
