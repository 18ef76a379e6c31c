import { TokenManager } from "../auth"
import type { AcronisHttp } from "../request"

/** TokenManager against a stub transport and a fake clock. */
function setup(token: { expires_in?: number; expires_on?: number }) {
  let now = 1_000_000_000_000
  let calls = 0
  const http = {
    json: async () => {
      calls++
      return { access_token: `token-${calls}`, token_type: "bearer", ...token }
    },
  } as unknown as AcronisHttp
  const manager = new TokenManager(http, () => now)
  return {
    manager,
    calls: () => calls,
    advance: (ms: number) => (now += ms),
    nowSeconds: () => Math.floor(now / 1000),
  }
}

describe("TokenManager", () => {
  it("renews a 2-hour token 15 minutes before it expires", async () => {
    const t = setup({ expires_in: 7200 })
    expect(await t.manager.get()).toBe("token-1")
    t.advance((7200 - 901) * 1000)
    expect(await t.manager.get()).toBe("token-1")
    t.advance(2000)
    expect(await t.manager.get()).toBe("token-2")
  })

  it("falls back to expires_on when expires_in is missing", async () => {
    const t = setup({})
    // `t` only provides the clock here; this manager answers with expires_on alone.
    const manager = new TokenManager(
      { json: async () => ({ access_token: "x", token_type: "bearer", expires_on: t.nowSeconds() + 3600 }) } as unknown as AcronisHttp,
      () => t.nowSeconds() * 1000
    )
    await manager.get()
    t.advance((3600 - 901) * 1000)
    expect(await manager.get()).toBe("x")
  })

  it("uses half the lifetime of short-lived tokens instead of renewing on every call", async () => {
    const t = setup({ expires_in: 60 })
    await t.manager.get()
    t.advance(29_000)
    await t.manager.get()
    expect(t.calls()).toBe(1)
    t.advance(2_000)
    await t.manager.get()
    expect(t.calls()).toBe(2)
  })

  it("shares one in-flight request and forgets a token only if it is still current", async () => {
    const t = setup({ expires_in: 7200 })
    const tokens = await Promise.all([t.manager.get(), t.manager.get(), t.manager.get()])
    expect(tokens).toEqual(["token-1", "token-1", "token-1"])
    expect(t.calls()).toBe(1)
    t.manager.invalidate("token-1")
    expect(await t.manager.get()).toBe("token-2")
    t.manager.invalidate("token-1") // a late 401 for the old token must not drop the new one
    expect(await t.manager.get()).toBe("token-2")
    expect(t.calls()).toBe(2)
  })
})
