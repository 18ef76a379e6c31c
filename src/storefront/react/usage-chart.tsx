"use client"

import { Text } from "@medusajs/ui"
import type { AcronisDailyUsage } from "../types"
import { offeringItemLabel } from "../../lib/display/offering-item-labels"
import { formatDay, formatPeriod } from "./account-format"

const GB = 1024 ** 3

type Series = { key: string; label: string; unit: string; points: { day: string; value: number }[] }

function seriesOf(daily: AcronisDailyUsage): Series[] {
  return daily.items.map((item) => {
    const bytes = item.measurement_unit === "bytes"
    return {
      key: `${item.offering_item}@${item.infra_id ?? ""}`,
      label: offeringItemLabel(item.offering_item) + (bytes ? " (GB)" : ""),
      unit: bytes ? "GB" : item.measurement_unit === "quantity" ? "" : item.measurement_unit,
      points: item.points.map((p) => ({ day: p.day, value: bytes ? Number(p.value) / GB : Number(p.value) })),
    }
  })
}

const show = (value: number, unit: string) => `${Number.isInteger(value) ? value : value.toFixed(2)}${unit ? ` ${unit}` : ""}`

function daysOf(from: string, to: string): string[] {
  const days: string[] = []
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10))
  }
  return days
}

/**
 * The month's synced usage, one bar chart per offering item: a bar per synced day, a blank for a day not
 * synced (not a drop to zero). Each chart has a summary as its accessible name, and a table with the figures.
 */
export function AcronisUsageChart({ daily }: { daily: AcronisDailyUsage }) {
  // A tenant has every offering item of its editions enabled: draw the ones used on some day, name the rest.
  const all = seriesOf(daily)
  const series = all.filter((s) => s.points.some((p) => p.value !== 0))
  const unused = all.filter((s) => !series.includes(s))
  const days = daysOf(daily.from, daily.to)
  if (!all.length) {
    return <Text className="text-ui-fg-subtle">No usage has been read from Acronis for {formatPeriod(daily.period)} yet.</Text>
  }
  if (!series.length) {
    return <Text className="text-ui-fg-subtle">Nothing was used in {formatPeriod(daily.period)} so far.</Text>
  }
  const width = 640
  const height = 150
  const left = 40
  const bottom = 20
  const pad = 12
  const slot = (width - left) / days.length
  return (
    <div className="flex flex-col gap-y-6" data-testid="acronis-usage-chart">
      {series.map((s) => {
        const max = Math.max(...s.points.map((p) => p.value), 0)
        const top = max > 0 ? niceCeiling(max) : 1
        const y = (value: number) => pad + (height - bottom - pad) * (1 - value / top)
        const byDay = new Map(s.points.map((p) => [p.day, p.value]))
        const last = s.points[s.points.length - 1]
        const summary = `${s.label}, ${formatPeriod(daily.period)}: ${s.points.length} of ${days.length} days synced, highest ${show(max, s.unit)}${
          last ? `, latest ${show(last.value, s.unit)} on ${formatDay(last.day)}` : ""
        }.`
        return (
          <figure key={s.key} className="flex flex-col gap-y-2">
            <figcaption className="txt-compact-small-plus text-ui-fg-base">{s.label}</figcaption>
            <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} className="w-full" preserveAspectRatio="none" style={{ maxHeight: 180 }}>
              {[0, 0.5, 1].map((f) => (
                <g key={f}>
                  <line x1={left} x2={width} y1={y(top * f)} y2={y(top * f)} className="stroke-ui-border-base" strokeWidth={1} />
                  <text x={left - 6} y={y(top * f) + 4} textAnchor="end" className="fill-ui-fg-muted" fontSize={10}>
                    {show(top * f, "")}
                  </text>
                </g>
              ))}
              {days.map((day, i) => {
                const value = byDay.get(day)
                const x = left + i * slot + slot * 0.15
                return (
                  <g key={day}>
                    {value !== undefined && (
                      <rect x={x} y={y(value)} width={slot * 0.7} height={Math.max(height - bottom - y(value), value > 0 ? 1 : 0)} rx={2} className="fill-ui-fg-interactive">
                        <title>{`${formatDay(day)}: ${show(value, s.unit)}`}</title>
                      </rect>
                    )}
                    {(i === 0 || (i + 1) % 5 === 0) && (
                      <text x={x + slot * 0.35} y={height - 5} textAnchor="middle" className="fill-ui-fg-muted" fontSize={10}>
                        {Number(day.slice(8))}
                      </text>
                    )}
                  </g>
                )
              })}
            </svg>
            <details className="txt-small text-ui-fg-subtle">
              <summary className="cursor-pointer">Show the figures of {s.label} as a table</summary>
              <table className="mt-2">
                <caption className="sr-only">{summary}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="pr-6 text-left font-medium">Day</th>
                    <th scope="col" className="text-right font-medium">Usage</th>
                  </tr>
                </thead>
                <tbody>
                  {s.points.map((p) => (
                    <tr key={p.day}>
                      <td className="pr-6">{formatDay(p.day)}</td>
                      <td className="text-right tabular-nums">{show(p.value, s.unit)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </figure>
        )
      })}
      {unused.length > 0 && (
        <Text size="small" className="text-ui-fg-subtle">
          Not used in {formatPeriod(daily.period)}: {unused.map((s) => s.label).join(", ")}.
        </Text>
      )}
      <Text size="xsmall" className="text-ui-fg-muted">
        A day without a bar was not read from Acronis yet; it is not a day without usage.
      </Text>
    </div>
  )
}

function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power
  return 10 * power
}
