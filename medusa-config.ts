import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

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
  },
}

// Unset keys must not reach the options validator as explicit `undefined`s that hide its defaults.
const definedOnly = <T extends object>(value: T): T =>
  JSON.parse(JSON.stringify(value)) as T

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:8000,http://localhost:9000,http://localhost:5173",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
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
  ],
})
