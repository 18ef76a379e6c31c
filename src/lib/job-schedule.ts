/**
 * A job's cron expression from the environment, or its default. Medusa reads a job's schedule when it loads
 * the file, before any plugin option exists, so schedules are environment variables.
 *
 * Node fires a timer set more than 2^31-1 ms (24.8 days) ahead after 1 ms, and Medusa's in-memory scheduler
 * then runs the job in a loop; so a schedule that pins a day of the month or a month is refused here, loudly,
 * rather than accepted and looped on. Jobs that must happen monthly run often and catch up on what is due.
 */
export function jobSchedule(envName: string, fallback: string): string {
  const value = process.env[envName]?.trim()
  if (!value) return fallback
  const fields = value.split(/\s+/)
  const [dayOfMonth, month, dayOfWeek = ""] = fields.length === 6 ? fields.slice(3, 6) : fields.slice(2, 5)
  // "1#1" (first Monday) and "5L" (last Friday) in the day of the week are monthly too.
  if ((fields.length !== 5 && fields.length !== 6) || dayOfMonth !== "*" || month !== "*" || /[#L]/i.test(dayOfWeek)) {
    throw new Error(
      `${envName} must be a cron expression that runs at least weekly (day of month and month "*"), e.g. "${fallback}"; got "${value}"`
    )
  }
  return value
}
