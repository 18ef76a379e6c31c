import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Heading, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { FILE_SYNC_SHARE_MODEL_LABELS, PROTECTION_MODEL_LABELS } from "../../../lib/acronis-labels"
import type { AcronisStatus as Status } from "../../../lib/acronis-status"
import { sdk } from "../../../lib/sdk"

type JobRun = { started_at: string; finished_at: string | null; outcome: "running" | "succeeded" | "failed"; error: string | null }
type Settings = {
  options: {
    mode: "sandbox" | "live"
    datacenter_url: string
    client_id: string | null
    client_secret_set: boolean
    shop_name: string
    terms_of_use: { url: string; version: string }
    operations_email: string | null
    acronis_client: { timeout_ms: number; max_retries: number; retry_base_delay_ms: number }
    provisioning: { attempts: number; retry_base_delay_ms: number; stale_after_seconds: number }
    lifecycle: { grace_period_days: number; deletion_warning_days: number }
    editions: { protection: Record<string, string>; file_sync_share: Record<string, string> }
    contract_tier_levels: Record<string, number | null>
    billing_order_mode: "order" | "draft_order"
    email_templates_overridden: string[]
    sandbox_control_api: boolean
  }
  jobs: { name: string; description: string; schedule: string; schedule_env: string | null; last_run: JobRun | null }[]
}

const when = (value: string | null) => (value ? new Date(value).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "—")
const seconds = (ms: number) => `${ms / 1000} s`

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="grid grid-cols-[220px_1fr] gap-x-4 px-6 py-2">
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small">{children}</Text>
  </div>
)

/**
 * How the plugin is set up: a connection test against the Acronis it talks to (live or the sandbox), the
 * options in force (the client secret only as "set"), and each scheduled job with its schedule and last run.
 */
const AcronisSettingsPage = () => {
  const [tested, setTested] = useState<{ status: Status; ms: number; at: Date } | null>(null)
  const settings = useQuery({
    queryKey: ["acronis-settings"],
    queryFn: () => sdk.client.fetch<{ settings: Settings }>("/admin/acronis/settings"),
    refetchInterval: 30_000,
  })
  const test = useMutation({
    mutationFn: async () => {
      const started = performance.now()
      const { status } = await sdk.client.fetch<{ status: Status }>("/admin/acronis/status")
      return { status, ms: Math.round(performance.now() - started), at: new Date() }
    },
    onSuccess: (result) => {
      setTested(result)
      if (result.status.root_tenant) toast.success(`Connected to ${result.status.root_tenant.name}`)
      else toast.error(`Acronis could not be reached: ${result.status.error}`)
    },
    onError: (error: Error) => toast.error(error.message),
  })
  const o = settings.data?.settings.options
  const jobs = settings.data?.settings.jobs ?? []

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div className="flex items-center gap-x-2">
            <Heading>Settings</Heading>
            {o && <Badge color={o.mode === "live" ? "green" : "orange"}>{o.mode === "live" ? "Live" : "Sandbox"}</Badge>}
          </div>
          <Button size="small" variant="secondary" isLoading={test.isPending} onClick={() => test.mutate()}>
            Test connection
          </Button>
        </div>
        {tested && (
          <div className="flex items-center gap-x-3 px-6 py-4">
            <StatusBadge color={tested.status.root_tenant ? "green" : "red"}>{tested.status.root_tenant ? "Connected" : "Not reachable"}</StatusBadge>
            <Text size="small">
              {tested.status.root_tenant
                ? `Signed in as partner tenant "${tested.status.root_tenant.name}" at ${tested.status.datacenter_url} in ${tested.ms} ms`
                : tested.status.error}
              {" · "}
              {tested.at.toLocaleTimeString("en-GB")}
            </Text>
          </div>
        )}
        {o?.mode === "sandbox" && (
          <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
            No Acronis credentials are set: orders are provisioned in the built-in Acronis sandbox, not in a real datacenter.
          </Text>
        )}
      </Container>

      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Options in force</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Set in medusa-config.ts; defaults filled in. The client secret is never shown.
          </Text>
        </div>
        {o ? (
          <div className="py-2">
            <Row label="Datacenter">{o.datacenter_url}</Row>
            <Row label="API client">{o.client_id ?? "—"}</Row>
            <Row label="Client secret">{o.client_secret_set ? "Set" : "Not set"}</Row>
            <Row label="Shop name">{o.shop_name}</Row>
            <Row label="Terms of use">
              {o.terms_of_use.url} (version {o.terms_of_use.version})
            </Row>
            <Row label="Operations e-mail">{o.operations_email ?? "Not set: provisioning failures are only logged"}</Row>
            <Row label="Provisioning">
              {o.provisioning.attempts} attempts, back-off from {seconds(o.provisioning.retry_base_delay_ms)}; a run is dead after{" "}
              {o.provisioning.stale_after_seconds} s without a heartbeat
            </Row>
            <Row label="Acronis API calls">
              {seconds(o.acronis_client.timeout_ms)} timeout, {o.acronis_client.max_retries} retries from {seconds(o.acronis_client.retry_base_delay_ms)}
            </Row>
            <Row label="Cancelled subscriptions">
              Tenant deleted after {o.lifecycle.grace_period_days} days, customer warned {o.lifecycle.deletion_warning_days} days before
            </Row>
            <Row label="Editions">
              {Object.entries(o.editions.protection)
                .map(([model, edition]) => `Protection ${PROTECTION_MODEL_LABELS[model]?.toLowerCase() ?? model}: ${edition}`)
                .concat(
                  Object.entries(o.editions.file_sync_share).map(
                    ([model, edition]) => `File Sync & Share ${FILE_SYNC_SHARE_MODEL_LABELS[model]?.toLowerCase() ?? model}: ${edition}`
                  )
                )
                .join(" · ")}
            </Row>
            <Row label="Contract tier levels">
              {Object.entries(o.contract_tier_levels)
                .map(([tier, level]) => `Tier ${tier}: ${level ?? "not offered"}`)
                .join(" · ")}
            </Row>
            <Row label="Monthly statements billed as">
              {o.billing_order_mode === "order" ? "Orders with a payment collection" : "Draft orders, collected by hand"}
            </Row>
            <Row label="Own e-mail templates">{o.email_templates_overridden.join(", ") || "None: the plugin's own"}</Row>
            {o.mode === "sandbox" && <Row label="Sandbox control API">{o.sandbox_control_api ? "On (tests and demos only)" : "Off"}</Row>}
          </div>
        ) : (
          <Text size="small" className="px-6 py-4">
            Loading…
          </Text>
        )}
      </Container>

      <Container className="p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Scheduled jobs</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Schedules are cron expressions (UTC), set with the environment variable shown.
          </Text>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Job</Table.HeaderCell>
              <Table.HeaderCell>Schedule</Table.HeaderCell>
              <Table.HeaderCell>Last run</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {jobs.map((job) => (
              <Table.Row key={job.name}>
                <Table.Cell className="max-w-sm whitespace-normal py-2">
                  <Text size="small" weight="plus">
                    {job.description}
                  </Text>
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {job.name}
                  </Text>
                </Table.Cell>
                <Table.Cell>
                  <Text size="small" className="font-mono">
                    {job.schedule}
                  </Text>
                  {job.schedule_env && (
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {job.schedule_env}
                    </Text>
                  )}
                </Table.Cell>
                <Table.Cell className="max-w-sm whitespace-normal">
                  {!job.last_run && <Text size="small" className="text-ui-fg-subtle">Not run yet</Text>}
                  {job.last_run && (
                    <>
                      <StatusBadge color={job.last_run.outcome === "succeeded" ? "green" : job.last_run.outcome === "failed" ? "red" : "blue"}>
                        {job.last_run.outcome === "succeeded" ? "Succeeded" : job.last_run.outcome === "failed" ? "Failed" : "Running"}
                      </StatusBadge>
                      <Text size="xsmall" className="text-ui-fg-subtle">
                        {when(job.last_run.started_at)}
                        {job.last_run.finished_at && job.last_run.outcome !== "running"
                          ? `, took ${Math.max(0, Math.round((Date.parse(job.last_run.finished_at) - Date.parse(job.last_run.started_at)) / 1000))} s`
                          : ""}
                      </Text>
                      {job.last_run.error && (
                        <Text size="xsmall" className="text-ui-fg-error">
                          {job.last_run.error}
                        </Text>
                      )}
                    </>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Settings", rank: 4 })

export default AcronisSettingsPage
