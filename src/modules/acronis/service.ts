import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { pluginPackage } from "../../lib/plugin-package"
import type { AcronisClient, OfferingItem, TenantKind } from "../../lib/acronis"
import type { AcronisConnection } from "./loaders/connect-acronis"
import { AcronisJobRun, AcronisOffer, AcronisProvisioningLog, AcronisSubscription } from "./models"
import { AcronisOptions } from "./options"
import { optionsInForce, type AcronisOptionsInForce } from "./options-in-force"
import type { AcronisEmailSettings } from "./emails/by-event"
import { closeSpan, openSpan, serviceSpansOf, type ServiceSpan } from "./domain/service-spans"
import type { SubscriptionStatus } from "./domain/subscription-status"
import { DEFAULT_CONTRACT_TIER_LEVELS, type ContractTier, type EditionMapping } from "./domain/licensing"

export type ProvisioningSettings = {
  attempts: number
  retry_base_delay_ms: number
  /** A `provisioning` run whose heartbeat is older than this has died. */
  stale_after_ms: number
  portal_login_url: string
}

type InjectedDependencies = {
  acronisOptions: AcronisOptions
  acronisConnection: AcronisConnection
}

export type AcronisStatus = {
  plugin: { name: string; version: string }
  mode: AcronisOptions["mode"]
  datacenter_url: string
  client_id: string
  /** The API client's own partner tenant, read through the client; null with `error` when unreachable. */
  root_tenant: { id: string; name: string } | null
  error?: string
}

export type AcronisCatalogue = {
  parent_tenant_id: string
  kind: TenantKind
  applications: { id: string; type: string; name: string }[]
  editions: string[]
  offering_items: Pick<OfferingItem, "name" | "edition" | "application_id" | "type" | "measurement_unit" | "infra_id" | "usage_name">[]
}

/** A backup storage a plan's cloud tenant may use, and the offering items that put storage there. */
export type DataLocation = { id: string; name: string; offering_items: string[] }

/** The json column's type; the value is a `ServiceSpan[]`. */
type StoredSpans = Record<string, unknown>
const storedSpans = (spans: ServiceSpan[]) => spans as unknown as StoredSpans

// Catalogue reads are cached briefly: admin forms and offer validation ask often, it changes rarely.
const CATALOGUE_TTL_MS = 60_000

export default class AcronisModuleService extends MedusaService({ AcronisOffer, AcronisSubscription, AcronisProvisioningLog, AcronisJobRun }) {
  protected readonly options_: AcronisOptions
  protected readonly connection_: AcronisConnection
  protected catalogueCache_ = new Map<string, { at: number; catalogue: Promise<AcronisCatalogue> }>()

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = container.acronisOptions
    this.connection_ = container.acronisConnection
  }

  __hooks = {
    onApplicationShutdown: async () => {
      await this.connection_.stopSandbox?.()
    },
  }

  /** The Acronis API client, connected to the live datacenter or to the sandbox. */
  getAcronisClient(): AcronisClient {
    return this.connection_.client
  }

  /** The partner tenant the API client belongs to: the MSP's root, the default parent of new tenants. */
  async getRootTenantId(): Promise<string> {
    // Kept on the connection, not on `this`: the module runner may hand out proxies of the service.
    const connection = this.connection_ as AcronisConnection & { rootTenantId?: string }
    if (!connection.rootTenantId) {
      const { tenant_id } = await connection.client.clients.get(connection.clientId)
      connection.rootTenantId = tenant_id
    }
    return connection.rootTenantId
  }

  /**
   * What a child tenant of `kind` can be given under `parentTenantId` (the root by default): the services,
   * editions and offering items of `available_for_child`, in every edition.
   */
  async getCatalogue(kind: TenantKind, parentTenantId?: string | null): Promise<AcronisCatalogue> {
    const parent = parentTenantId ?? (await this.getRootTenantId())
    const key = `${parent}:${kind}`
    const cached = this.catalogueCache_.get(key)
    if (cached && Date.now() - cached.at < CATALOGUE_TTL_MS) {
      return cached.catalogue
    }
    const client = this.connection_.client
    const catalogue = Promise.all([client.applications.list(), client.offeringItems.availableForChild(parent, { kind })]).then(
      ([applications, items]) => ({
        parent_tenant_id: parent,
        kind,
        applications: applications.map(({ id, type, name }) => ({ id, type, name })),
        editions: [...new Set(items.map((item) => item.edition).filter((e): e is string => !!e))].sort(),
        offering_items: items.map(({ name, edition, application_id, type, measurement_unit, infra_id, usage_name }) => ({
          name,
          edition,
          application_id,
          type,
          measurement_unit,
          infra_id,
          usage_name,
        })),
      })
    )
    // A failed read must not stay cached.
    catalogue.catch(() => this.catalogueCache_.delete(key))
    this.catalogueCache_.set(key, { at: Date.now(), catalogue })
    return catalogue
  }

  /**
   * Where a plan's cloud tenant may keep its backups (seed 004's "Data location"): the backup storages — infra
   * items of the Protection service on a storage with the `backup` capability — that the parent can hand down
   * to a customer, restricted to the storage
   * items `itemNames` enables when it names any, each with the name Acronis shows users (`GET /infra`).
   */
  async getDataLocations(parentTenantId?: string | null, itemNames: string[] = []): Promise<DataLocation[]> {
    const catalogue = await this.getCatalogue("customer", parentTenantId)
    const backup = new Set(catalogue.applications.filter((app) => app.type === "backup").map((app) => app.id))
    const storageItems = catalogue.offering_items.filter((item) => item.type === "infra" && item.infra_id && backup.has(item.application_id))
    const wanted = storageItems.some((item) => itemNames.includes(item.name))
      ? storageItems.filter((item) => itemNames.includes(item.name))
      : storageItems
    const ids = [...new Set(wanted.map((item) => item.infra_id!))]
    const infras = await this.connection_.client.infra.batch(ids, { maxAgeMs: CATALOGUE_TTL_MS })
    // Backup items live on disaster-recovery sites too: a data location is a storage with the `backup` capability.
    const names = new Map(infras.filter((infra) => infra.capabilities.includes("backup")).map((infra) => [infra.id, infra.name]))
    return ids
      .filter((id) => names.has(id))
      .map((id) => ({ id, name: names.get(id)!, offering_items: [...new Set(wanted.filter((item) => item.infra_id === id).map((item) => item.name))] }))
      .sort((a, b) => a.name.localeCompare(b.name))
  }

  /** What the admin may see of the configuration; the client secret never leaves the module. */
  async getStatus(): Promise<AcronisStatus> {
    const status = {
      plugin: pluginPackage(),
      mode: this.options_.mode,
      datacenter_url: this.connection_.baseUrl,
      client_id: this.connection_.clientId,
    }
    try {
      const root = await this.connection_.client.tenants.get(await this.getRootTenantId())
      return { ...status, root_tenant: { id: root.id, name: root.name } }
    } catch (error) {
      return { ...status, root_tenant: null, error: (error as Error).message }
    }
  }

  /** The options in force for the admin's Settings page: never the client secret (see `optionsInForce`). */
  getOptionsInForce(): AcronisOptionsInForce {
    return optionsInForce(this.options_, this.connection_.baseUrl)
  }

  /** Which Acronis edition each licensing model sells: the merchant's `editions` option, defaults filled in. */
  getEditionMapping(): EditionMapping {
    return this.options_.editions
  }

  /** The Acronis `tier_level_value` of each storefront contract tier (defaults with the merchant's overrides). */
  async getContractTierLevels(): Promise<Record<ContractTier, number | null>> {
    return { ...DEFAULT_CONTRACT_TIER_LEVELS, ...(this.options_.contractTierLevels as Partial<Record<ContractTier, number | null>>) }
  }

  /** The Acronis terms of use a shopper accepts at checkout: the merchant's URL and its current version. */
  async getTermsOfUse(): Promise<{ url: string; version: string }> {
    return { url: this.options_.termsOfUseUrl, version: this.options_.termsOfUseVersion }
  }

  /** How provisioning retries, when a run counts as dead, and where customers sign in to Acronis ("Manage your service"). */
  async getProvisioningSettings(): Promise<ProvisioningSettings> {
    return {
      attempts: this.options_.provisioning.attempts,
      retry_base_delay_ms: this.options_.provisioning.retryBaseDelayMs,
      stale_after_ms: this.options_.provisioning.staleAfterSeconds * 1000,
      portal_login_url: `${this.connection_.baseUrl.replace(/\/+$/, "")}/login`,
    }
  }

  /**
   * Makes a new provisioning run the owner of a subscription, if the row is still as the caller read it
   * (`status` and `attempts`): one conditional UPDATE, so of two processes that read the same row only one
   * gets a row back, whatever a lock did or did not hold. Returns the run's attempt number, or null when
   * another run got there first.
   */
  @InjectManager()
  async claimProvisioningRun(
    id: string,
    expected: { status: SubscriptionStatus; attempts: number },
    @MedusaContext() sharedContext: Context<SqlEntityManager> = {}
  ): Promise<number | null> {
    const rows: { attempts: number }[] = await sharedContext.manager!.execute(
      `UPDATE acronis_subscription
          SET status = 'provisioning', attempts = attempts + 1, heartbeat_at = now(), updated_at = now()
        WHERE id = ? AND status = ? AND attempts = ? AND deleted_at IS NULL
    RETURNING attempts`,
      [id, expected.status, expected.attempts]
    )
    return rows[0]?.attempts ?? null
  }

  /**
   * Writes every field of an offer as given. Medusa's update merges a JSON object into the stored one, so a
   * unit price, commitment or package left out of `data` would survive; the JSON objects are cleared first,
   * in the same transaction, so nobody reads the offer half-written.
   */
  @InjectTransactionManager()
  async replaceAcronisOffer(id: string, data: Record<string, unknown>, @MedusaContext() sharedContext: Context<SqlEntityManager> = {}) {
    await this.updateAcronisOffers({ id, commitments: null, plan: null, unit_prices: null, metadata: null } as never, sharedContext)
    return await this.updateAcronisOffers({ ...data, id } as never, sharedContext)
  }

  /**
   * Writes `data` to a subscription only if it is still as the caller read it (`status` and `attempts`), in
   * one transaction that holds the row: for changes that race a provisioning claim in another process (an
   * order cancelled while a run starts). Nobody sees the row half-changed. True when it was written.
   */
  @InjectTransactionManager()
  async updateSubscriptionIfUnchanged(
    id: string,
    expected: { status: SubscriptionStatus; attempts: number },
    data: Omit<Parameters<AcronisModuleService["updateAcronisSubscriptions"]>[0] & { id?: string }, "id">,
    @MedusaContext() sharedContext: Context<SqlEntityManager> = {}
  ): Promise<boolean> {
    const [row]: { status: string; attempts: number }[] = await sharedContext.transactionManager!.execute(
      `SELECT status, attempts FROM acronis_subscription WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [id]
    )
    if (!row || row.status !== expected.status || row.attempts !== expected.attempts) return false
    await this.updateAcronisSubscriptions({ id, ...data } as never, sharedContext)
    return true
  }

  /**
   * The heartbeat of run `attempt`: true while that run still owns the subscription. False once the run is
   * over (the row left `provisioning`) or another run claimed it after this one was taken for dead.
   */
  @InjectManager()
  async beatProvisioningRun(id: string, attempt: number, @MedusaContext() sharedContext: Context<SqlEntityManager> = {}): Promise<boolean> {
    const rows: unknown[] = await sharedContext.manager!.execute(
      `UPDATE acronis_subscription SET heartbeat_at = now()
        WHERE id = ? AND status = 'provisioning' AND attempts = ? AND deleted_at IS NULL
    RETURNING id`,
      [id, attempt]
    )
    return rows.length > 0
  }

  /**
   * Records that a scheduled job started (`running`) or ended (`succeeded`, or `failed` with its error): one
   * row per job, written in one statement so two workers running it at once do not collide on its name.
   */
  @InjectManager()
  async recordJobRun(
    name: string,
    run: { outcome: "running" | "succeeded" | "failed"; error?: string | null },
    @MedusaContext() sharedContext: Context<SqlEntityManager> = {}
  ): Promise<void> {
    const started = run.outcome === "running"
    await sharedContext.manager!.execute(
      `INSERT INTO acronis_job_run (id, name, started_at, finished_at, outcome, error, created_at, updated_at)
       VALUES (?, ?, now(), ${started ? "NULL" : "now()"}, ?, ?, now(), now())
       ON CONFLICT (name) WHERE deleted_at IS NULL DO UPDATE SET
         ${started ? "started_at = now(), finished_at = NULL," : "finished_at = now(),"}
         outcome = excluded.outcome, error = excluded.error, updated_at = now()`,
      [generateEntityId(undefined, "acjob"), name, run.outcome, run.error ?? null]
    )
  }

  /** How long a suspended subscription's tenant is kept, and when its customer is warned before it is deleted. */
  async getLifecycleSettings(): Promise<{ grace_period_days: number; deletion_warning_days: number }> {
    return {
      grace_period_days: this.options_.lifecycle.gracePeriodDays,
      deletion_warning_days: this.options_.lifecycle.deletionWarningDays,
    }
  }

  /**
   * The fields a subscription gets when its tenant is disabled at `at`: `suspended`, its running service
   * span ended the day before, and the moment its tenant is deleted unless it is resumed first.
   */
  async suspensionFields(
    subscription: { service_spans?: unknown; activated_at?: Date | string | null; suspended_at?: Date | string | null },
    at: Date
  ): Promise<{ status: "suspended"; suspended_at: Date; service_spans: StoredSpans; terminate_after: Date; deletion_warned_at: null }> {
    const graceMs = this.options_.lifecycle.gracePeriodDays * 86_400_000
    return {
      status: "suspended",
      suspended_at: at,
      service_spans: storedSpans(closeSpan(serviceSpansOf(subscription), at)),
      terminate_after: new Date(at.getTime() + graceMs),
      deletion_warned_at: null,
    }
  }

  /**
   * The other subscriptions that still use a tenant (a customer's tenant can hold a pay-per-use and a plan
   * subscription): while there are any, ending one subscription must not disable or delete the tenant.
   */
  async listOtherTenantHolders(
    tenantId: string,
    subscriptionId: string,
    { includeSuspended = false }: { includeSuspended?: boolean } = {}
  ): Promise<string[]> {
    const holders = await this.listAcronisSubscriptions(
      { tenant_id: tenantId, status: ["active", "provisioning", "failed", ...(includeSuspended ? (["suspended"] as const) : [])] },
      { select: ["id"], take: null }
    )
    return holders.map((h) => h.id).filter((id) => id !== subscriptionId)
  }

  /** The fields of a subscription whose service (re)starts at `at`: activation or resume. */
  activationSpans(subscription: { service_spans?: unknown; activated_at?: Date | string | null; suspended_at?: Date | string | null }, at: Date): StoredSpans {
    return storedSpans(openSpan(serviceSpansOf(subscription), at))
  }

  /** What the plugin's e-mails need: the shop's name, the operations address, the merchant's overrides. */
  async getEmailSettings(): Promise<AcronisEmailSettings> {
    return {
      shopName: this.options_.shopName,
      operationsEmail: this.options_.operationsEmail ?? null,
      templates: this.options_.emailTemplates ?? {},
    }
  }
}
