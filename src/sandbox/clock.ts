/**
 * The sandbox's clock. Acronis behaves differently by time of day and over time (reports are refused
 * at night, stay in progress for a while, usage refreshes every few hours), so tests need to set the
 * time the sandbox believes it is, without touching the host's clock or the plugin's.
 */
export class SandboxClock {
  private frozenAt: number | undefined
  private offsetMs = 0

  now(): Date {
    return new Date(this.frozenAt ?? Date.now() + this.offsetMs)
  }

  /** Stops the clock at `at`; it stays there until moved or released. */
  freeze(at: Date): void {
    this.frozenAt = at.getTime()
  }

  /** Moves the clock forward (frozen or running). */
  advance(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt += ms
    else this.offsetMs += ms
  }

  /** Runs from `at` onwards in real time. */
  runFrom(at: Date): void {
    this.frozenAt = undefined
    this.offsetMs = at.getTime() - Date.now()
  }

  /** Back to the host's time. */
  release(): void {
    this.frozenAt = undefined
    this.offsetMs = 0
  }

  describe(): { now: string; frozen: boolean } {
    return { now: this.now().toISOString(), frozen: this.frozenAt !== undefined }
  }
}
