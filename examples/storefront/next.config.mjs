import { fileURLToPath } from "node:url"

const pluginSource = (path) => fileURLToPath(new URL(`../../src/storefront/${path}`, import.meta.url))

/**
 * In this repository the example compiles the plugin's storefront client and components from source, so a
 * change shows without a build. A storefront that installs the plugin imports the same paths from the package.
 */
/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  experimental: { externalDir: true },
  webpack: (config) => {
    config.resolve.alias = {
      ...config.resolve.alias,
      "medusa-plugin-acronis/storefront/react$": pluginSource("react/index.ts"),
      "medusa-plugin-acronis/storefront$": pluginSource("index.ts"),
    }
    return config
  },
}

export default nextConfig
