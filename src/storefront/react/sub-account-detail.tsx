"use client"

import { Alert, Button, Container, Heading, Label, StatusBadge, Table, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState, type FormEvent } from "react"
import type { AcronisSubAccount, AcronisSubAccountUser, UsersImportPreview } from "../types"
import { PlainLink, TextField, type AcronisLinkComponent } from "./account-field"
import { fieldErrorsOf, formatDay, statusColor, statusLabel } from "./account-format"
import { useAcronis } from "./context"
import { errorMessage } from "./errors"
import { pollDelay } from "./polling"

export type AcronisSubAccountDetailProps = {
  subAccountId: string
  /** Sets the cart to order for this sub-account and goes to the product page (the app's routing). */
  onOrderFor?: (subAccount: AcronisSubAccount) => Promise<void>
  backHref?: string
  Link?: AcronisLinkComponent
}

type SubAccountWithUsers = AcronisSubAccount & { users: AcronisSubAccountUser[] }

/** One sub-account: its details, its users, adding a user or a CSV file of them, and ordering for it. */
export function AcronisSubAccountDetail({ subAccountId, onOrderFor, backHref, Link = PlainLink }: AcronisSubAccountDetailProps) {
  const { acronis } = useAcronis()
  const [subAccount, setSubAccount] = useState<SubAccountWithUsers | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [ordering, setOrdering] = useState(false)
  const [polls, setPolls] = useState(0)

  const load = useCallback(async () => {
    try {
      setSubAccount((await acronis.subAccounts.retrieve(subAccountId)).sub_account)
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [acronis, subAccountId])
  useEffect(() => {
    void load()
  }, [load])
  // While the tenant is being created, ask again (less often as time passes, and not forever).
  const waiting = subAccount?.status === "pending" && !subAccount.provisioning_error
  useEffect(() => {
    const delay = pollDelay(polls, 1500)
    if (!waiting || delay === null) return
    const timer = window.setTimeout(() => {
      setPolls((n) => n + 1)
      void load()
    }, delay)
    return () => window.clearTimeout(timer)
  }, [waiting, polls, load])

  const back = backHref && (
    <Link href={backHref} className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
      ← Sub-accounts
    </Link>
  )
  if (error && !subAccount) {
    return (
      <div className="flex flex-col gap-y-4">
        {back}
        <Alert variant="error">{error}</Alert>
      </div>
    )
  }
  if (!subAccount) return <Text className="text-ui-fg-muted">Loading the sub-account…</Text>
  const active = subAccount.status === "active"
  return (
    <div className="flex flex-col gap-y-8">
      {back}
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div className="flex items-center gap-x-3">
          <Heading level="h1" className="txt-xlarge-plus">
            {subAccount.name}
          </Heading>
          <StatusBadge color={statusColor(subAccount.status)}>{statusLabel(subAccount.status)}</StatusBadge>
        </div>
        {onOrderFor && (
          <Button
            disabled={!active}
            isLoading={ordering}
            onClick={async () => {
              setOrdering(true)
              setError(null)
              try {
                await onOrderFor(subAccount)
              } catch (e) {
                setError(errorMessage(e))
              } finally {
                setOrdering(false)
              }
            }}
          >
            Order for this sub-account
          </Button>
        )}
      </div>
      {error && <Alert variant="error">{error}</Alert>}
      <section aria-labelledby="sub-account-details-heading">
        <Container className="flex flex-col gap-y-4">
          <Heading level="h2" id="sub-account-details-heading">
            Details
          </Heading>
          <dl className="grid grid-cols-1 gap-x-8 gap-y-3 sm:grid-cols-3">
            <Detail label="Account number" value={subAccount.account_number} />
            <Detail label="Kind" value={subAccount.kind === "end_customer" ? "End customer" : "Sub-division"} />
            <Detail label="E-mail" value={subAccount.email} />
            <Detail label="Phone" value={subAccount.phone ?? "—"} />
            <Detail label="Address" value={[subAccount.address_1, subAccount.address_2, `${subAccount.postal_code} ${subAccount.city}`, subAccount.country_code.toUpperCase()].filter(Boolean).join(", ")} />
            <Detail label="Active since" value={subAccount.activated_at ? formatDay(subAccount.activated_at) : "Not yet"} />
          </dl>
          {subAccount.provisioning_error && <Alert variant="warning">Acronis could not set it up yet: {subAccount.provisioning_error}</Alert>}
          {waiting && pollDelay(polls, 1500) === null && (
            <div className="flex flex-col items-start gap-y-2" role="status">
              <Text size="small" className="text-ui-fg-subtle">
                Acronis is taking longer than usual to set up this sub-account. It carries on; check again in a while.
              </Text>
              <Button variant="secondary" size="small" onClick={() => setPolls(0)}>
                Check again
              </Button>
            </div>
          )}
        </Container>
      </section>

      <section aria-labelledby="sub-account-users-heading">
        <Container className="flex flex-col gap-y-4">
          <Heading level="h2" id="sub-account-users-heading">
            Users
          </Heading>
          {subAccount.users.length === 0 ? (
            <Text className="text-ui-fg-subtle">No users yet. Each user you add gets Acronis&apos;s activation e-mail.</Text>
          ) : (
            <Table>
              <caption className="sr-only">Users of {subAccount.name}</caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Name</Table.HeaderCell>
                  <Table.HeaderCell>E-mail</Table.HeaderCell>
                  <Table.HeaderCell>Language</Table.HeaderCell>
                  <Table.HeaderCell>Time zone</Table.HeaderCell>
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
                    <Table.Cell>{u.language}</Table.Cell>
                    <Table.Cell>{u.time_zone}</Table.Cell>
                    <Table.Cell>
                      <StatusBadge color={statusColor(u.status)}>{statusLabel(u.status)}</StatusBadge>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
          {active ? (
            <div className="flex flex-col gap-6">
              <AddUserForm subAccountId={subAccount.id} onAdded={load} />
              <ImportUsers subAccountId={subAccount.id} onImported={load} />
            </div>
          ) : (
            <Text className="text-ui-fg-subtle">Users can be added once the sub-account is active.</Text>
          )}
        </Container>
      </section>
    </div>
  )
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="txt-small text-ui-fg-muted">{label}</dt>
      <dd className="txt-compact-medium text-ui-fg-base break-all">{value}</dd>
    </div>
  )
}

const USER_FIELDS = ["email", "first_name", "last_name", "language", "time_zone"] as const
type UserField = (typeof USER_FIELDS)[number]
const browserTimeZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"
  } catch {
    return "UTC"
  }
}

function AddUserForm({ subAccountId, onAdded }: { subAccountId: string; onAdded: () => Promise<void> }) {
  const { acronis } = useAcronis()
  const empty = { email: "", first_name: "", last_name: "", language: "en", time_zone: browserTimeZone() }
  const [values, setValues] = useState<Record<UserField, string>>(empty)
  const [errors, setErrors] = useState<Partial<Record<UserField, string>>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [added, setAdded] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (field: UserField) => (value: string) => setValues((v) => ({ ...v, [field]: value }))

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setErrors({})
    setFormError(null)
    setAdded(null)
    const missing = Object.fromEntries(USER_FIELDS.filter((f) => !values[f].trim()).map((f) => [f, "Required."]))
    if (Object.keys(missing).length) return setErrors(missing)
    setBusy(true)
    try {
      await acronis.subAccounts.users.create(subAccountId, { users: [Object.fromEntries(USER_FIELDS.map((f) => [f, values[f].trim()])) as Record<UserField, string>] })
      setAdded(`${values.email.trim()} was added and gets an activation e-mail.`)
      setValues(empty)
      await onAdded()
    } catch (e) {
      const { fields, general } = fieldErrorsOf(errorMessage(e), USER_FIELDS)
      setErrors(fields)
      setFormError(general)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="add-user-heading" className="border-ui-border-base flex flex-col gap-y-3 rounded-lg border p-4">
      <Heading level="h3" id="add-user-heading">
        Add a user
      </Heading>
      <TextField id="user-email" label="E-mail" type="email" required value={values.email} error={errors.email} onChange={set("email")} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField id="user-first_name" label="First name" required value={values.first_name} error={errors.first_name} onChange={set("first_name")} />
        <TextField id="user-last_name" label="Last name" required value={values.last_name} error={errors.last_name} onChange={set("last_name")} />
        <TextField id="user-language" label="Language" required value={values.language} error={errors.language} hint='ISO 639-1, e.g. "en", "de".' onChange={set("language")} />
        <TextField id="user-time_zone" label="Time zone" required value={values.time_zone} error={errors.time_zone} hint='e.g. "Europe/Berlin".' onChange={set("time_zone")} />
      </div>
      {formError && (
        <Alert variant="error" role="alert">
          {formError}
        </Alert>
      )}
      {added && (
        <Alert variant="success" role="status">
          {added}
        </Alert>
      )}
      <div>
        <Button type="submit" variant="secondary" isLoading={busy}>
          Add user
        </Button>
      </div>
    </form>
  )
}

function ImportUsers({ subAccountId, onImported }: { subAccountId: string; onImported: () => Promise<void> }) {
  const { acronis } = useAcronis()
  const [csv, setCsv] = useState<string | null>(null)
  const [fileName, setFileName] = useState<string | null>(null)
  const [preview, setPreview] = useState<UsersImportPreview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [inputKey, setInputKey] = useState(0)

  const choose = async (file: File | undefined) => {
    setPreview(null)
    setError(null)
    setDone(null)
    if (!file) return
    setBusy(true)
    try {
      const text = await file.text()
      setCsv(text)
      setFileName(file.name)
      setPreview(await acronis.subAccounts.users.importPreview(subAccountId, text))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const runImport = async () => {
    if (!csv) return
    setBusy(true)
    setError(null)
    try {
      const { users } = await acronis.subAccounts.users.import(subAccountId, csv)
      setDone(`${users.length} ${users.length === 1 ? "user was" : "users were"} added; each gets an activation e-mail.`)
      setPreview(null)
      setCsv(null)
      setInputKey((k) => k + 1)
      await onImported()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const fileErrors = preview?.errors.filter((e) => e.row === 0) ?? []
  return (
    <section aria-labelledby="import-users-heading" className="border-ui-border-base flex flex-col gap-y-3 rounded-lg border p-4">
      <Heading level="h3" id="import-users-heading">
        Import users from a CSV file
      </Heading>
      <Text size="small" id="import-users-hint" className="text-ui-fg-subtle">
        One user a row, with the header <code className="txt-compact-xsmall bg-ui-bg-subtle rounded px-1">email,first_name,last_name,language,time_zone</code>. You see every row before anything is added.
      </Text>
      <div className="flex flex-col gap-y-1">
        <Label htmlFor="import-users-file" size="small" weight="plus">
          CSV file
        </Label>
        <input
          key={inputKey}
          id="import-users-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="import-users-hint"
          onChange={(event) => void choose(event.target.files?.[0])}
          className="txt-compact-small file:bg-ui-button-neutral file:shadow-buttons-neutral file:text-ui-fg-base file:mr-3 file:rounded-md file:border-0 file:px-3 file:py-1.5"
        />
      </div>
      {error && (
        <Alert variant="error" role="alert">
          {error}
        </Alert>
      )}
      {done && (
        <Alert variant="success" role="status">
          {done}
        </Alert>
      )}
      {preview && (
        <div className="flex flex-col gap-y-3" role="region" aria-label={`Preview of ${fileName ?? "the file"}`}>
          {fileErrors.map((e, i) => (
            <Alert key={i} variant="error">
              {e.reason}
            </Alert>
          ))}
          {preview.rows.length > 0 && (
            <Table>
              <caption className="sr-only">Rows of {fileName}</caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Row</Table.HeaderCell>
                  <Table.HeaderCell>E-mail</Table.HeaderCell>
                  <Table.HeaderCell>Name</Table.HeaderCell>
                  <Table.HeaderCell>Language · time zone</Table.HeaderCell>
                  <Table.HeaderCell>Check</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {preview.rows.map((row) => (
                  <Table.Row key={row.row} className={row.errors.length ? "bg-ui-tag-red-bg" : undefined}>
                    <Table.Cell>{row.row}</Table.Cell>
                    <Table.Cell>{row.email}</Table.Cell>
                    <Table.Cell>
                      {row.first_name} {row.last_name}
                    </Table.Cell>
                    <Table.Cell>
                      {row.language} · {row.time_zone}
                    </Table.Cell>
                    <Table.Cell className="whitespace-normal">
                      {row.errors.length ? (
                        <span className="text-ui-fg-error">{row.errors.map((e) => `${e.field}: ${e.reason}`).join("; ")}</span>
                      ) : (
                        <span className="text-ui-fg-subtle">OK</span>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
          {preview.valid ? (
            <div className="flex gap-x-3">
              <Button onClick={runImport} isLoading={busy}>
                Import {preview.rows.length} {preview.rows.length === 1 ? "user" : "users"}
              </Button>
              <Button variant="secondary" onClick={() => (setPreview(null), setInputKey((k) => k + 1))} disabled={busy}>
                Cancel
              </Button>
            </div>
          ) : (
            <Text size="small" className="text-ui-fg-error" role="alert">
              Fix the {preview.errors.length === 1 ? "problem" : `${preview.errors.length} problems`} in the file and choose it again: nothing is imported until every row is right.
            </Text>
          )}
        </div>
      )}
    </section>
  )
}
