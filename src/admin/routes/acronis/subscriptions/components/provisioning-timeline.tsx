import { Button, Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useState } from "react"
import { formatDate, provisioningStepName, type ProvisioningLogLine } from "../../../../lib/acronis-subscriptions"

const OUTCOME_COLORS: Record<string, "green" | "red" | "orange" | "blue" | "grey"> = {
  failed: "red",
  retrying: "orange",
  claimed: "blue",
  skipped: "grey",
}

const DOT_COLORS: Record<string, string> = { failed: "bg-ui-tag-red-icon", retrying: "bg-ui-tag-orange-icon" }

// Long logs (a run that retried many times) show their latest steps until staff ask for all.
const SHOWN_AT_FIRST = 8

/** The provisioning log, oldest first: each step, its run, its outcome and, for a failure, what Acronis answered. */
export const ProvisioningTimeline = ({ log }: { log: ProvisioningLogLine[] }) => {
  const [showAll, setShowAll] = useState(false)
  const hidden = showAll ? 0 : Math.max(0, log.length - SHOWN_AT_FIRST)
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Provisioning</Heading>
        {hidden > 0 && (
          <Button size="small" variant="transparent" onClick={() => setShowAll(true)}>
            Show {hidden} earlier steps
          </Button>
        )}
      </div>
      {log.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          Nothing was done in Acronis yet.
        </Text>
      ) : (
        <ol className="flex flex-col gap-y-2 px-6 py-4">
          {log.slice(hidden).map((line) => (
            <li key={line.id} className="flex gap-x-3">
              <div className={`mt-1.5 size-2 shrink-0 rounded-full ${DOT_COLORS[line.outcome] ?? "bg-ui-tag-green-icon"}`} />
              <div className="flex min-w-0 flex-1 flex-col">
                <div className="flex items-center justify-between gap-x-2">
                  <div className="flex items-center gap-x-2">
                    <Text size="small" weight="plus">
                      {provisioningStepName(line.step)}
                    </Text>
                    <StatusBadge color={OUTCOME_COLORS[line.outcome] ?? "green"}>{line.outcome}</StatusBadge>
                    {line.acronis_status && (
                      <Text size="xsmall" className="text-ui-fg-subtle">
                        Acronis {line.acronis_status}
                        {line.acronis_code && String(line.acronis_code) !== String(line.acronis_status) ? ` / code ${line.acronis_code}` : ""}
                      </Text>
                    )}
                  </div>
                  <Text size="xsmall" className="text-ui-fg-subtle shrink-0">
                    Run {line.attempt} · {formatDate(line.at, true)}
                  </Text>
                </div>
                {line.message && (
                  <Text
                    size="small"
                    title={line.message}
                    className={`line-clamp-2 break-words ${line.outcome === "failed" || line.outcome === "retrying" ? "text-ui-fg-error" : "text-ui-fg-subtle"}`}
                  >
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
}
