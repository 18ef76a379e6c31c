import path from "node:path"

const configPath = path.join(__dirname, "..", "..", "medusa-config.ts")

/** This repository's own host config, loaded afresh under `env`. */
function loadHostConfig(env: Record<string, string | undefined>) {
  const saved = { ...process.env }
  Object.assign(process.env, env)
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key]
  try {
    let config: any
    jest.isolateModules(() => {
      config = require(configPath)
    })
    return config
  } finally {
    process.env = saved
  }
}

describe("the repository's own Medusa host config", () => {
  it("refuses to run outside development and tests without its own JWT and cookie secrets", () => {
    expect(() => loadHostConfig({ NODE_ENV: "production", JWT_SECRET: undefined, COOKIE_SECRET: "c".repeat(64) })).toThrow(
      /JWT_SECRET must be set \(NODE_ENV is "production"\)/
    )
    expect(() => loadHostConfig({ NODE_ENV: "staging", JWT_SECRET: "j".repeat(64), COOKIE_SECRET: undefined })).toThrow(/COOKIE_SECRET must be set/)
    const config = loadHostConfig({ NODE_ENV: "production", JWT_SECRET: "j".repeat(64), COOKIE_SECRET: "c".repeat(64) })
    expect(config.projectConfig.http.jwtSecret).toEqual("j".repeat(64))
  })

  it("never uses a well-known secret in development: each process without one gets a random one", () => {
    const first = loadHostConfig({ NODE_ENV: "development", JWT_SECRET: undefined, COOKIE_SECRET: undefined })
    const second = loadHostConfig({ NODE_ENV: "development", JWT_SECRET: undefined, COOKIE_SECRET: undefined })
    expect(first.projectConfig.http.jwtSecret).toMatch(/^[0-9a-f]{64}$/)
    expect(first.projectConfig.http.jwtSecret).not.toEqual(second.projectConfig.http.jwtSecret)
    expect(JSON.stringify(first.projectConfig.http)).not.toMatch(/supersecret/)
  })
})
