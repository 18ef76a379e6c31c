/**
 * Reads kept for a while, per key, for the callers that ask for it (`maxAgeMs`). The promise is kept, so
 * calls made while a read is under way share it; a failed read is forgotten at once.
 */
export class ReadCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>()

  constructor(private readonly now: () => number = Date.now) {}

  get<T>(key: string, maxAgeMs: number | undefined, read: () => Promise<T>): Promise<T> {
    if (!maxAgeMs || maxAgeMs <= 0) return read()
    const cached = this.entries.get(key)
    if (cached && this.now() - cached.at < maxAgeMs) return cached.value as Promise<T>
    const value = read()
    this.entries.set(key, { at: this.now(), value })
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key)
    })
    return value
  }

  clear(): void {
    this.entries.clear()
  }
}
