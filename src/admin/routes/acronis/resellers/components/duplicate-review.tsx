import { Badge, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../../../lib/sdk"
import { type SubAccount, subAccountPath } from "./types"

type Match = { sub_account: SubAccount; reasons: ("name" | "address" | "email_domain")[] }

const REASON_LABELS: Record<Match["reasons"][number], string> = {
  name: "Same company name",
  address: "Same street address",
  email_domain: "Same e-mail domain",
}

/** The reseller's other sub-accounts that look like this pending one, so staff can tell a duplicate before it is provisioned. */
export const DuplicateReview = ({ resellerId, subAccount }: { resellerId: string; subAccount: SubAccount }) => {
  const review = useQuery({
    queryKey: ["acronis-sub-account-duplicates", subAccount.id],
    queryFn: () => sdk.client.fetch<{ matches: Match[] }>(`${subAccountPath(resellerId, subAccount.id)}/duplicates`),
  })
  const matches = review.data?.matches ?? []
  if (review.isLoading) return <Text size="xsmall" className="text-ui-fg-subtle">Looking for duplicates…</Text>
  if (!matches.length) return <Text size="xsmall" className="text-ui-fg-subtle">No possible duplicates</Text>
  return (
    <div className="flex flex-col gap-y-1">
      <Text size="xsmall" weight="plus" className="text-ui-fg-error">
        Possible duplicate of:
      </Text>
      {matches.map((match) => (
        <div key={match.sub_account.id} className="flex flex-wrap items-center gap-x-2">
          <Text size="xsmall">
            {match.sub_account.name} · {match.sub_account.account_number}
          </Text>
          {match.reasons.map((reason) => (
            <Badge key={reason} size="2xsmall" color="orange">
              {REASON_LABELS[reason]}
            </Badge>
          ))}
        </div>
      ))}
    </div>
  )
}
