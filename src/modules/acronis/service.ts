import { MedusaService } from "@medusajs/framework/utils"
import { pluginPackage } from "../../lib/plugin-package"
import { AcronisOptions } from "./options"

type InjectedDependencies = {
  acronisOptions: AcronisOptions
}

export type AcronisStatus = {
  plugin: { name: string; version: string }
  mode: AcronisOptions["mode"]
  datacenter_url: string | null
  client_id: string | null
}

export default class AcronisModuleService extends MedusaService({}) {
  protected readonly options_: AcronisOptions

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = container.acronisOptions
  }

  /** What the admin may see of the configuration; the client secret never leaves the module. */
  async getStatus(): Promise<AcronisStatus> {
    return {
      plugin: pluginPackage(),
      mode: this.options_.mode,
      datacenter_url: this.options_.datacenterUrl ?? null,
      client_id: this.options_.clientId ?? null,
    }
  }
}
