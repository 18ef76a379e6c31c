/** What `GET /admin/acronis/status` answers: the connection, never the secret. */
export type AcronisStatus = {
  plugin: { name: string; version: string }
  mode: "sandbox" | "live"
  datacenter_url: string
  client_id: string
  root_tenant: { id: string; name: string } | null
  error?: string
}
