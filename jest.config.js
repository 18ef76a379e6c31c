const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

// TEST_TYPE picks one layer; `npm test` runs them all in order (scripts/test.mjs).
const testMatchByType = {
  unit: [
    "**/src/**/__tests__/**/*.unit.spec.[jt]s",
    "**/examples/storefront/src/**/__tests__/**/*.unit.spec.[jt]s",
    "**/integration-tests/contract/**/*.spec.[jt]s",
    "**/integration-tests/scripts/**/*.spec.[jt]s",
  ],
  "integration:modules": ["**/src/modules/*/__tests__/**/*.module.spec.[jt]s"],
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
}

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true, tsx: true },
          transform: { react: { runtime: "automatic" } },
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/"],
  setupFiles: ["./integration-tests/setup.js"],
  testMatch: testMatchByType[process.env.TEST_TYPE ?? "unit"] ?? testMatchByType.unit,
}
