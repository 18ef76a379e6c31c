import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

export type RateLimitOptions = {
  /** Requests allowed per key in each window. */
  max: number
  windowMs: number
  /** Whose budget a request spends: e.g. the signed-in customer. */
  key: (req: MedusaRequest) => string
}

/**
 * A fixed-window request budget per key, kept in this process: enough to stop one client from turning a
 * route into a free oracle on the merchant's Acronis account. A refused request gets a 429 with Retry-After.
 */
export function rateLimit({ max, windowMs, key }: RateLimitOptions) {
  const windows = new Map<string, { startedAt: number; count: number }>()
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const now = Date.now()
    // Expired windows are dropped as they are met, so the map holds only the clients of the current window.
    if (windows.size > 10_000) for (const [k, w] of windows) if (now - w.startedAt >= windowMs) windows.delete(k)
    const id = key(req)
    const window = windows.get(id)
    if (!window || now - window.startedAt >= windowMs) {
      windows.set(id, { startedAt: now, count: 1 })
      return next()
    }
    if (window.count >= max) {
      const retryAfterSeconds = Math.ceil((window.startedAt + windowMs - now) / 1000)
      res.setHeader("Retry-After", String(retryAfterSeconds))
      res.status(429).json({
        type: "too_many_requests",
        message: `Too many requests: at most ${max} every ${Math.round(windowMs / 1000)} s. Try again in ${retryAfterSeconds} s.`,
      })
      return
    }
    window.count++
    next()
  }
}
