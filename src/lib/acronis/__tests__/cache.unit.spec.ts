import { ReadCache } from "../cache"

describe("ReadCache", () => {
  let now = 0
  const cache = new ReadCache(() => now)
  beforeEach(() => {
    now = 0
    cache.clear()
  })

  it("reads once per key within maxAgeMs, shares a read under way, and reads again once it is older", async () => {
    let reads = 0
    const read = async () => ++reads
    const [a, b] = await Promise.all([cache.get("k", 1000, read), cache.get("k", 1000, read)])
    expect([a, b, reads]).toEqual([1, 1, 1])
    now = 999
    expect(await cache.get("k", 1000, read)).toBe(1)
    expect(await cache.get("other", 1000, read)).toBe(2)
    now = 1000
    expect(await cache.get("k", 1000, read)).toBe(3)
  })

  it("never keeps a failed read, and reads every time without maxAgeMs", async () => {
    let reads = 0
    await expect(cache.get("k", 1000, async () => Promise.reject(new Error(`failed ${++reads}`)))).rejects.toThrow("failed 1")
    expect(await cache.get("k", 1000, async () => ++reads)).toBe(2)
    expect(await cache.get("k", undefined, async () => ++reads)).toBe(3)
    expect(await cache.get("k", 0, async () => ++reads)).toBe(4)
  })
})
