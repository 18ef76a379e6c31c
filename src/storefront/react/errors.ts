/** What a refused request says, for the person who made it: Medusa's message, or a generic line. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === "object" && "message" in error && typeof error.message === "string" && error.message) {
    return error.message
  }
  return "Something went wrong. Please try again."
}

/** The HTTP status of a refused sdk request, when it has one. */
export function errorStatus(error: unknown): number | undefined {
  return error && typeof error === "object" && "status" in error && typeof error.status === "number" ? error.status : undefined
}

/**
 * Which of `fields` a refusal is about. The plugin's 400s start with the field's path (`plan_order.domain: …`)
 * or name its metadata path in the text (`set metadata.acronis.protection_licensing_model to …`); the longest
 * match wins, so `data_location_confirmed` is not read as `data_location`. `null` when it names none of them:
 * the refusal is about the order as a whole.
 */
export function refusedField<F extends string>(error: unknown, fields: readonly F[]): F | null {
  const message = errorMessage(error)
  const named = [...fields].sort((a, b) => b.length - a.length)
  const prefix = message.match(/^([\w.]+):/)?.[1]
  if (prefix) {
    const path = prefix.replace(/^(plan_order|metadata\.acronis|metadata|billing_address)\./, "")
    return named.find((field) => path === field || path.startsWith(`${field}.`)) ?? null
  }
  return named.find((field) => message.includes(`.${field} `) || message.includes(`.${field})`) || message.endsWith(`.${field}`)) ?? null
}

/** A refusal's message as shown at its field: without the field's path in front, which the field already shows. */
export function fieldErrorMessage(error: unknown): string {
  const message = errorMessage(error).replace(/^[\w.]+: /, "")
  return message.charAt(0).toUpperCase() + message.slice(1)
}
