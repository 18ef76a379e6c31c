import { StatusBadge } from "@medusajs/ui"
import type { SubAccount } from "./types"

/** Pending with an error is "Provisioning failed": staff must act on it, unlike one still being made. */
export const SubAccountStatusBadge = ({ subAccount }: { subAccount: Pick<SubAccount, "status" | "provisioning_error"> }) => {
  if (subAccount.status === "pending" && subAccount.provisioning_error) return <StatusBadge color="red">Provisioning failed</StatusBadge>
  if (subAccount.status === "pending") return <StatusBadge color="orange">Pending</StatusBadge>
  if (subAccount.status === "active") return <StatusBadge color="green">Active</StatusBadge>
  return <StatusBadge color="grey">Disabled</StatusBadge>
}
