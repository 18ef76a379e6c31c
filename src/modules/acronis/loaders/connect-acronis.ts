import { LoaderOptions } from "@medusajs/framework/types"
import { asValue } from "@medusajs/framework/awilix"
import { AcronisClient } from "../../../lib/acronis"
import { pluginPackage } from "../../../lib/plugin-package"
import { startAcronisSandbox } from "../../../sandbox"
import { AcronisOptions } from "../options"

export type AcronisConnection = {
  mode: AcronisOptions["mode"]
  baseUrl: string
  clientId: string
  client: AcronisClient
  /** Set in sandbox mode: the in-process sandbox, stopped with the application. */
  stopSandbox?: () => Promise<void>
}

/**
 * Connects the module to Acronis: the configured datacenter in live mode, or a sandbox started in-process
 * on a free local port when no credentials are set, so a merchant can try the plugin without an account.
 */
export default async function connectAcronisLoader({ container }: LoaderOptions) {
  const options = container.resolve<AcronisOptions>("acronisOptions")
  const logger = container.resolve("logger")
  const { name, version } = pluginPackage()
  const userAgent = `${name}/${version}`

  let connection: Omit<AcronisConnection, "client"> & { clientSecret: string }
  if (options.mode === "live") {
    connection = {
      mode: "live",
      baseUrl: options.datacenterUrl!,
      clientId: options.clientId!,
      clientSecret: options.clientSecret!,
    }
  } else {
    const sandbox = await startAcronisSandbox({
      host: "127.0.0.1",
      port: options.sandbox.port,
      statePath: options.sandbox.statePath,
      controlApi: options.sandbox.controlApi,
      // The plugin's sandbox mode (demo, dev, the HTTP suites) shows usage set through the control API at once.
      usageRefreshHours: 0,
    })
    connection = {
      mode: "sandbox",
      baseUrl: sandbox.url,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      stopSandbox: () => sandbox.stop(),
    }
    logger.info(`Acronis: sandbox mode, Acronis sandbox running at ${sandbox.url} (no Acronis credentials set)`)
  }

  const { clientSecret, ...visible } = connection
  const client = new AcronisClient({
    baseUrl: connection.baseUrl,
    clientId: connection.clientId,
    clientSecret,
    userAgent,
    timeoutMs: options.acronisClient.timeoutMs,
    maxRetries: options.acronisClient.maxRetries,
    retryBaseDelayMs: options.acronisClient.retryBaseDelayMs,
    logger: { warn: (message: string) => logger.warn(`Acronis: ${message}`) },
  })
  container.register("acronisConnection", asValue({ ...visible, client } satisfies AcronisConnection))
}
