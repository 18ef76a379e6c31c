import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { formatDate, type ProvisioningLogLine } from "../../../../lib/acronis-subscriptions"

const OUTCOME_COLORS: Record<string, "green" | "red" | "orange" | "blue" | "grey"> = {
  failed: "red",
  retrying: "orange",
  claimed: "blue",
}

// `find-or-create-tenant` → "Find or create tenant".
const stepName = (step: string) => step.charAt(0).toUpperCase() + step.slice(1).replace(/-/g, " ")

/** The provisioning log, oldest first: each step, its run, its outcome and, for a failure, what Acronis answered. */
export const ProvisioningTimeline = ({ log }: { log: ProvisioningLogLine[] }) => (
  <Container className="divide-y p-0">
    <div className="px-6 py-4">
      <Heading level="h2">Provisioning</Heading>
    </div>
    {log.length === 0 ? (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4">
        Nothing was done in Acronis yet.
      </Text>
    ) : (
      <ol className="flex flex-col gap-y-3 px-6 py-4">
        {log.map((line) => (
          <li key={line.id} className="flex gap-x-3">
            <div
              className={`mt-1.5 size-2 shrink-0 rounded-full ${
                line.outcome === "failed" ? "bg-ui-tag-red-icon" : line.outcome === "retrying" ? "bg-ui-tag-orange-icon" : "bg-ui-tag-green-icon"
              }`}
            />
            <div className="flex flex-1 flex-col">
              <div className="flex items-center justify-between gap-x-2">
                <Text size="small" weight="plus">
                  {stepName(line.step)}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  Run {line.attempt} · {formatDate(line.at, true)}
                </Text>
              </div>
              <div className="flex items-center gap-x-2">
                <StatusBadge color={OUTCOME_COLORS[line.outcome] ?? "green"}>{line.outcome}</StatusBadge>
                {line.acronis_status && (
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    Acronis answered {line.acronis_status}
                    {line.acronis_code ? ` (code ${line.acronis_code})` : ""}
                  </Text>
                )}
              </div>
              {line.message && (
                <Text size="small" className={line.outcome === "failed" || line.outcome === "retrying" ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
                  {line.message}
                </Text>
              )}
            </div>
          </li>
        ))}
      </ol>
    )}
  </Container>
)
