import { mapBounded } from "../concurrency"

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe("mapBounded", () => {
  it("keeps at most `limit` calls in flight and returns results in input order", async () => {
    let inFlight = 0
    let most = 0
    const results = await mapBounded([5, 1, 4, 2, 3, 0], 2, async (n) => {
      inFlight++
      most = Math.max(most, inFlight)
      await new Promise((resolve) => setTimeout(resolve, n * 3))
      inFlight--
      return n * 10
    })
    expect(results).toEqual([50, 10, 40, 20, 30, 0])
    expect(most).toBe(2)
  })

  it("rejects with the first failure, starts nothing after it, and lets started calls settle first", async () => {
    const started: number[] = []
    const settled: number[] = []
    const outcome = mapBounded([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n)
      await tick()
      settled.push(n)
      if (n === 1) throw new Error("one failed")
      return n
    })
    await expect(outcome).rejects.toThrow("one failed")
    expect(started).toEqual([1, 2])
    expect(settled).toEqual([1, 2])
  })

  it("handles no items", async () => {
    expect(await mapBounded([], 3, async () => 1)).toEqual([])
  })
})
