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
