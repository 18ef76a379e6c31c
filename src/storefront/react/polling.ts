/**
 * How long to wait before asking again about something Acronis is still setting up: soon at first, less often
 * as time passes, and `null` after about two and a half minutes, when the page stops and offers "Check again"
 * rather than asking forever.
 */
export const POLL_ROUNDS = 15
export const pollDelay = (round: number, firstMs = 1000) => (round >= POLL_ROUNDS ? null : Math.min(firstMs * 1.5 ** round, 15000))
