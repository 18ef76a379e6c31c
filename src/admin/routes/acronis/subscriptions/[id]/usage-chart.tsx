import { Container, Heading, Select, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { measurementUnitLabel, offeringItemLabel } from "../../../../../lib/display/offering-item-labels"
import { sdk } from "../../../../lib/sdk"

type DailyUsage = {
  period: string
  from: string
  to: string
  items: {
    offering_item: string
    infra_id: string | null
    measurement_unit: string
    points: { day: string; value: string; pricing_mode: string }[]
  }[]
}

const GiB = 1024 ** 3

/** Bytes as GB (as billed), seconds as hours, counts as they are. */
const chartValue = (value: string, unit: string) =>
  unit === "bytes" ? Number(value) / GiB : unit === "seconds" ? Number(value) / 3600 : Number(value)

/** The last twelve months, newest first, as YYYY-MM. */
const recentPeriods = () => {
  const now = new Date()
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))
    return d.toISOString().slice(0, 7)
  })
}

/**
 * Usage over a month, one small chart per offering item (and storage): the synced value of each day.
 * A day without a sync is a gap, not a zero.
 */
export const UsageChart = ({ subscriptionId }: { subscriptionId: string }) => {
  const periods = recentPeriods()
  const [period, setPeriod] = useState(periods[0])
  const daily = useQuery({
    queryKey: ["acronis-subscription-usage-daily", subscriptionId, period],
    queryFn: () => sdk.client.fetch<{ daily_usage: DailyUsage }>(`/admin/acronis/subscriptions/${subscriptionId}/usage/daily?period=${period}`),
  })
  const usage = daily.data?.daily_usage
  // Storage items say where they store, by the name Acronis shows users.
  const catalogue = useQuery({
    queryKey: ["acronis-catalogue"],
    enabled: !!usage?.items.some((item) => item.infra_id),
    queryFn: () => sdk.client.fetch<{ catalogue: { storages?: { id: string; name: string }[] } }>("/admin/acronis/catalogue?kind=customer"),
  })
  const storageNames = new Map((catalogue.data?.catalogue.storages ?? []).map((s) => [s.id, s.name]))
  // A tenant has every offering item of its editions enabled; one used in no day of the month is a line
  // at zero, named below instead of drawn.
  const used = (usage?.items ?? []).filter((item) => item.points.some((p) => Number(p.value) !== 0))
  const unused = (usage?.items ?? []).filter((item) => !used.includes(item))
  const days = usage ? Array.from({ length: Number(usage.to.slice(8)) }, (_, i) => `${usage.period}-${String(i + 1).padStart(2, "0")}`) : []

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Usage over the month</Heading>
        <div className="w-[140px]">
          <Select size="small" value={period} onValueChange={setPeriod}>
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {periods.map((p) => (
                <Select.Item key={p} value={p}>
                  {p}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      {daily.isError && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-error">
            Could not load the usage: {(daily.error as Error).message}
          </Text>
        </div>
      )}
      {usage && usage.items.length === 0 && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            No usage synced for {usage.period}.
          </Text>
        </div>
      )}
      {usage && usage.items.length > 0 && used.length === 0 && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            Nothing was used in {usage.period}.
          </Text>
        </div>
      )}
      {usage && used.length > 0 && (
        <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
          {used.map((item) => {
            const unit = measurementUnitLabel(item.measurement_unit)
            const byDay = new Map(item.points.map((p) => [p.day, chartValue(p.value, item.measurement_unit)]))
            const data = days.map((day) => ({ day: Number(day.slice(8)), value: byDay.get(day) ?? null }))
            const storage = item.infra_id ? storageNames.get(item.infra_id) ?? "storage" : null
            return (
              <div key={`${item.offering_item}@${item.infra_id ?? ""}`} className="flex flex-col gap-y-1">
                <Text size="small" weight="plus">
                  {offeringItemLabel(item.offering_item)}
                  {storage && <span className="text-ui-fg-subtle"> · {storage}</span>}
                  {unit && <span className="text-ui-fg-subtle"> ({unit})</span>}
                </Text>
                <div className="h-[140px]" data-testid="acronis-usage-chart">
                  <ResponsiveContainer width="100%" height="100%">
                    <LineChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
                      <CartesianGrid strokeDasharray="3 3" stroke="var(--border-base)" vertical={false} />
                      <XAxis dataKey="day" tick={{ fontSize: 11 }} interval={4} tickLine={false} />
                      <YAxis tick={{ fontSize: 11 }} allowDecimals={item.measurement_unit !== "quantity"} tickLine={false} />
                      <Tooltip
                        formatter={(value) => [`${Number(value).toLocaleString(undefined, { maximumFractionDigits: 2 })}${unit ? ` ${unit}` : ""}`, "Usage"]}
                        labelFormatter={(day) => `${usage.period}-${String(day).padStart(2, "0")}`}
                      />
                      <Line type="stepAfter" dataKey="value" stroke="var(--fg-interactive)" strokeWidth={2} dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
                    </LineChart>
                  </ResponsiveContainer>
                </div>
              </div>
            )
          })}
        </div>
      )}
      {usage && used.length > 0 && unused.length > 0 && (
        <div className="px-6 py-3">
          <Text size="xsmall" className="text-ui-fg-subtle">
            Not used in {usage.period}: {unused.map((item) => offeringItemLabel(item.offering_item)).join(", ")}.
          </Text>
        </div>
      )}
    </Container>
  )
}
