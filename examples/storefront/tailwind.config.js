const path = require("node:path")

/** @type {import("tailwindcss").Config} */
module.exports = {
  presets: [require("@medusajs/ui-preset")],
  darkMode: "class",
  content: [
    "./src/**/*.{ts,tsx}",
    // The plugin's components (from source in this repository; a storefront lists the package's folder).
    path.join(__dirname, "../../src/storefront/react/**/*.{ts,tsx}"),
    path.join(path.dirname(require.resolve("@medusajs/ui")), "..", "**/*.js"),
  ],
  theme: { extend: {} },
  plugins: [],
}
