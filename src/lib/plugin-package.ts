import { existsSync, readFileSync } from "node:fs"
import { dirname, join } from "node:path"

export const PLUGIN_NAME = "medusa-plugin-acronis"

let cached: { name: string; version: string } | undefined

/**
 * The plugin's own name and version, read from its package.json. Walks up from this file so it works from
 * `src/` (tests, dev), from `.medusa/server/src/` (built) and from a host app's node_modules.
 */
export function pluginPackage(): { name: string; version: string } {
  if (cached) {
    return cached
  }
  let dir = __dirname
  for (let depth = 0; depth < 8; depth++) {
    const candidate = join(dir, "package.json")
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, "utf8"))
      if (pkg.name === PLUGIN_NAME) {
        cached = { name: pkg.name, version: pkg.version }
        return cached
      }
    }
    dir = dirname(dir)
  }
  cached = { name: PLUGIN_NAME, version: "0.0.0" }
  return cached
}
