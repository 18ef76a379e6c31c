import { randomBytes } from "node:crypto"
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The JWT and cookie secrets: from the environment, always outside development and tests; there a random one
 * for this process (`npm run dev` keeps its own in .data/, so sessions survive a restart). A well-known default
 * would let anyone forge an admin token.
 */
function secretFromEnv(name: "JWT_SECRET" | "COOKIE_SECRET"): string {
  const value = process.env[name]
  if (value) return value
  const env = process.env.NODE_ENV || "development"
  if (env !== "development" && env !== "test") {
    throw new Error(`${name} must be set (NODE_ENV is "${env}"): a long random string, the same for every server process.`)
  }
  return randomBytes(32).toString("hex")
}

function numberFromEnv(name: string): number | undefined {
  return process.env[name] ? Number(process.env[name]) : undefined
}

function jsonFromEnv(name: string): unknown {
  const raw = process.env[name]
  if (!raw) return undefined
  try {
    return JSON.parse(raw)
  } catch {
    throw new Error(`${name} must be JSON, e.g. {"7": null}`)
  }
}

/**
 * This repository is its own Medusa host: `npm run dev`, the demo and the tests boot this config, which
 * registers the plugin's modules and providers straight from ./src. A merchant's store lists the plugin under
 * `plugins` instead (see README).
 */
const acronisOptions = {
  mode: process.env.ACRONIS_MODE as "sandbox" | "live" | undefined,
  datacenterUrl: process.env.ACRONIS_DATACENTER_URL || undefined,
  clientId: process.env.ACRONIS_CLIENT_ID || undefined,
  clientSecret: process.env.ACRONIS_CLIENT_SECRET || undefined,
  shopName: process.env.ACRONIS_SHOP_NAME || undefined,
  termsOfUseUrl: process.env.ACRONIS_TERMS_URL || undefined,
  termsOfUseVersion: process.env.ACRONIS_TERMS_VERSION || undefined,
  sandbox: {
    port: process.env.ACRONIS_SANDBOX_PORT ? Number(process.env.ACRONIS_SANDBOX_PORT) : 0,
    statePath: process.env.ACRONIS_SANDBOX_STATE || undefined,
    controlApi: process.env.ACRONIS_SANDBOX_CONTROL_API === "true" || undefined,
  },
  operationsEmail: process.env.ACRONIS_OPERATIONS_EMAIL || undefined,
  contractTierLevels: jsonFromEnv("ACRONIS_CONTRACT_TIER_LEVELS") as Record<string, number | null> | undefined,
  acronisClient: {
    timeoutMs: numberFromEnv("ACRONIS_TIMEOUT_MS"),
    maxRetries: numberFromEnv("ACRONIS_MAX_RETRIES"),
    retryBaseDelayMs: numberFromEnv("ACRONIS_RETRY_BASE_DELAY_MS"),
  },
  lifecycle: {
    gracePeriodDays: numberFromEnv("ACRONIS_GRACE_PERIOD_DAYS"),
    deletionWarningDays: numberFromEnv("ACRONIS_DELETION_WARNING_DAYS"),
  },
  provisioning: {
    attempts: numberFromEnv("ACRONIS_PROVISIONING_ATTEMPTS"),
    retryBaseDelayMs: numberFromEnv("ACRONIS_PROVISIONING_RETRY_DELAY_MS"),
    staleAfterSeconds: numberFromEnv("ACRONIS_PROVISIONING_STALE_AFTER_SECONDS"),
  },
}

// E-mail: an SMTP server when SMTP_HOST is set, otherwise one .eml file per message in an outbox folder.
const nodemailerOptions = {
  channels: ["email"],
  from: process.env.SMTP_FROM || "Acronis Shop <shop@localhost>",
  shopName: process.env.ACRONIS_SHOP_NAME || undefined,
  ...(process.env.SMTP_HOST
    ? {
        smtp: {
          host: process.env.SMTP_HOST,
          port: Number(process.env.SMTP_PORT || 587),
          secure: process.env.SMTP_SECURE === "true",
          auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS || "" } : undefined,
        },
      }
    : { outboxDir: process.env.NOTIFICATION_OUTBOX_DIR || ".data/outbox" }),
}

/**
 * With REDIS_URL set, the host runs on Medusa's distributed modules, so a server and any number of workers
 * share events, workflow state, scheduled jobs, locks and caches; without it everything stays in memory in
 * one process (`npm run dev`: no Redis needed). A scheduled job then runs once per tick across all workers,
 * a subscriber once per event, and the provisioning claim's lock holds across processes.
 */
const redisUrl = process.env.REDIS_URL || undefined
const workerMode = (process.env.MEDUSA_WORKER_MODE || "shared") as "shared" | "server" | "worker"
const distributedModules = redisUrl
  ? [
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
      { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }],
        },
      },
      {
        resolve: "@medusajs/medusa/caching",
        options: {
          providers: [{ resolve: "@medusajs/medusa/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl } }],
        },
      },
    ]
  : []

// Unset keys must not reach the options validator as explicit `undefined`s that hide its defaults.
const definedOnly = <T extends object>(value: T): T =>
  JSON.parse(JSON.stringify(value)) as T

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    workerMode,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:8000,http://localhost:9000,http://localhost:5173",
      jwtSecret: secretFromEnv("JWT_SECRET"),
      cookieSecret: secretFromEnv("COOKIE_SECRET"),
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
  },
  modules: [
    {
      resolve: "./src/modules/acronis",
      options: definedOnly(acronisOptions),
    },
    { resolve: "./src/modules/reseller" },
    { resolve: "./src/modules/acronis-checkout" },
    { resolve: "./src/modules/acronis-billing", options: definedOnly(acronisOptions) },
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          // Keeps the admin's notification feed, which the default config gives and a custom list replaces.
          { resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["feed"] } },
          { resolve: "./src/providers/nodemailer", id: "nodemailer", options: definedOnly(nodemailerOptions) },
        ],
      },
    },
    ...distributedModules,
  ],
})
