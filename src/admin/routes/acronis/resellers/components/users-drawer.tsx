import { Badge, Button, Drawer, Heading, Input, Label, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { sdk } from "../../../../lib/sdk"
import { type SubAccount, subAccountPath } from "./types"

type PreviewRow = { row: number; email: string; first_name: string; last_name: string; language: string; time_zone: string; errors: { field: string; reason: string }[] }
type Preview = { valid: boolean; rows: PreviewRow[]; errors: { row: number; field: string; reason: string }[] }

const CSV_HEADER = "email,first_name,last_name,language,time_zone"
// Acronis e-mails an invited user to set a password; staff see whether that is still open.
const USER_STATUS_LABELS: Record<string, string> = { invited: "Invited", disabled: "Disabled" }
const EMPTY_USER = { email: "", first_name: "", last_name: "", language: "en", time_zone: "UTC" }

/** A sub-account's users, adding one, and a CSV import that shows its preview (a dry run) before anything is written. */
export const UsersDrawer = ({ resellerId, subAccount }: { resellerId: string; subAccount: SubAccount }) => {
  const queryClient = useQueryClient()
  const base = subAccountPath(resellerId, subAccount.id)
  const [user, setUser] = useState(EMPTY_USER)
  const [csv, setCsv] = useState("")
  const [preview, setPreview] = useState<Preview | null>(null)
  // A new file input after an import: the old one would still name the imported file, and choosing that
  // file again would not fire onChange.
  const [fileInput, setFileInput] = useState(0)
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["acronis-reseller", resellerId] })

  const add = useMutation({
    mutationFn: () => sdk.client.fetch<{ users: unknown[] }>(`${base}/users`, { method: "POST", body: { users: [user] } }),
    onSuccess: () => {
      toast.success(`${user.email} added; Acronis sends the activation e-mail`)
      setUser(EMPTY_USER)
      refresh()
    },
    onError: (error: Error) => toast.error(error.message),
  })
  const dryRun = useMutation({
    mutationFn: () => sdk.client.fetch<Preview>(`${base}/users/import`, { method: "POST", body: { csv, dry_run: true } }),
    onSuccess: setPreview,
    onError: (error: Error) => toast.error(error.message),
  })
  const importUsers = useMutation({
    mutationFn: () => sdk.client.fetch<{ users: unknown[] }>(`${base}/users/import`, { method: "POST", body: { csv } }),
    onSuccess: ({ users }) => {
      toast.success(`${users.length} users imported`)
      setCsv("")
      setPreview(null)
      setFileInput((n) => n + 1)
      refresh()
    },
    onError: (error: Error) => toast.error(error.message),
  })
  const readFile = async (file: File | undefined) => {
    if (!file) return
    setCsv(await file.text())
    setPreview(null)
  }
  const canAddUsers = subAccount.status === "active"

  return (
    <Drawer>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          Users ({subAccount.users.length})
        </Button>
      </Drawer.Trigger>
      <Drawer.Content className="max-w-3xl">
        <Drawer.Header>
          <Drawer.Title>Users of {subAccount.name}</Drawer.Title>
          <Drawer.Description>Account {subAccount.account_number}</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
          {subAccount.users.length ? (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Name</Table.HeaderCell>
                  <Table.HeaderCell>E-mail</Table.HeaderCell>
                  <Table.HeaderCell>Language · time zone</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {subAccount.users.map((u) => (
                  <Table.Row key={u.id}>
                    <Table.Cell>
                      {u.first_name} {u.last_name}
                    </Table.Cell>
                    <Table.Cell>{u.email}</Table.Cell>
                    <Table.Cell>
                      {u.language} · {u.time_zone}
                    </Table.Cell>
                    <Table.Cell>{USER_STATUS_LABELS[u.status] ?? u.status}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              No users yet.
            </Text>
          )}
          {!canAddUsers ? (
            <Text size="small" className="text-ui-fg-subtle">
              Users can be added once the sub-account is active (when its account number replaces PENDING).
            </Text>
          ) : (
            <>
              <form
                className="flex flex-col gap-y-3"
                onSubmit={(event) => {
                  event.preventDefault()
                  add.mutate()
                }}
              >
                <Heading level="h3">Add a user</Heading>
                <div className="grid grid-cols-2 gap-3">
                  {(["email", "first_name", "last_name", "language", "time_zone"] as const).map((field) => (
                    <div key={field} className="flex flex-col gap-y-1">
                      <Label size="small" htmlFor={`user-${field}`}>
                        {{ email: "E-mail", first_name: "First name", last_name: "Last name", language: "Language (e.g. en)", time_zone: "Time zone (e.g. Europe/Berlin)" }[field]}
                      </Label>
                      <Input
                        id={`user-${field}`}
                        size="small"
                        value={user[field]}
                        onChange={(event) => setUser({ ...user, [field]: event.target.value })}
                      />
                    </div>
                  ))}
                </div>
                <Button size="small" type="submit" isLoading={add.isPending} className="self-start">
                  Add user
                </Button>
              </form>
              <div className="flex flex-col gap-y-3">
                <Heading level="h3">Import from a CSV file</Heading>
                <Text size="small" className="text-ui-fg-subtle">
                  Header: <code>{CSV_HEADER}</code>. Preview first; nothing is written until you import.
                </Text>
                <input key={fileInput} type="file" accept=".csv,text/csv" aria-label="CSV file" onChange={(event) => readFile(event.target.files?.[0])} />
                <Textarea
                  aria-label="CSV text"
                  rows={5}
                  value={csv}
                  placeholder={`${CSV_HEADER}\nann@example.com,Ann,Archer,en,Europe/Berlin`}
                  onChange={(event) => {
                    setCsv(event.target.value)
                    setPreview(null)
                  }}
                />
                <div className="flex gap-x-2">
                  <Button size="small" variant="secondary" disabled={!csv} isLoading={dryRun.isPending} onClick={() => dryRun.mutate()}>
                    Preview
                  </Button>
                  <Button size="small" disabled={!preview?.valid} isLoading={importUsers.isPending} onClick={() => importUsers.mutate()}>
                    Import {preview?.valid ? `${preview.rows.length} users` : ""}
                  </Button>
                </div>
                {preview && <ImportPreview preview={preview} />}
              </div>
            </>
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}

const ImportPreview = ({ preview }: { preview: Preview }) => (
  <div className="flex flex-col gap-y-2">
    {preview.valid ? (
      <Badge color="green" size="small" className="self-start">
        All {preview.rows.length} rows are valid
      </Badge>
    ) : (
      <Badge color="red" size="small" className="self-start">
        {preview.errors.length} {preview.errors.length === 1 ? "problem" : "problems"}: fix the file and preview again
      </Badge>
    )}
    {preview.errors
      .filter((error) => error.row === 0)
      .map((error) => (
        <Text key={error.field} size="small" className="text-ui-fg-error">
          {error.field}: {error.reason}
        </Text>
      ))}
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Row</Table.HeaderCell>
          <Table.HeaderCell>User</Table.HeaderCell>
          <Table.HeaderCell>Language · time zone</Table.HeaderCell>
          <Table.HeaderCell>Problems</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {preview.rows.map((row) => (
          <Table.Row key={row.row}>
            <Table.Cell>{row.row}</Table.Cell>
            <Table.Cell>
              {row.first_name} {row.last_name} · {row.email}
            </Table.Cell>
            <Table.Cell>
              {row.language} · {row.time_zone}
            </Table.Cell>
            <Table.Cell className={row.errors.length ? "text-ui-fg-error" : ""}>
              {row.errors.length ? row.errors.map((e) => `${e.field}: ${e.reason}`).join("; ") : "OK"}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  </div>
)
