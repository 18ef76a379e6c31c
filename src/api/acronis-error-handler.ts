import { errorHandler, MedusaErrorHandlerFunction } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type AcronisFailure = { name: string; message: string; status?: number; code?: string | number | null; kind?: string }

// Workflows may hand back a copy of the error rather than the instance, so it is recognised by its name.
const asAcronisFailure = (error: unknown): AcronisFailure | undefined =>
  error && typeof error === "object" && (error as { name?: string }).name === "AcronisApiError"
    ? (error as AcronisFailure)
    : undefined

/**
 * Medusa's error handler, plus two cases: a path Express cannot decode is a 400; and when Acronis itself failed (down, slow, refusing), the answer is a
 * 502 that says so, instead of Medusa's opaque 500. The client's messages never carry secrets.
 */
export function acronisAwareErrorHandler(): MedusaErrorHandlerFunction {
  const core = errorHandler()
  return (error, req, res, next) => {
    // Express could not decode a path parameter (a bare "%"): the client's mistake, not the server's.
    if (error instanceof URIError) {
      res.status(400).json({ type: "invalid_data", message: `path: "${req.path}" is not valid percent-encoding` })
      return
    }
    const acronis = asAcronisFailure(error)
    if (!acronis) {
      return core(error, req, res, next)
    }
    req.scope?.resolve(ContainerRegistrationKeys.LOGGER).warn(`Acronis error at ${req.path}: ${acronis.message}`)
    res.status(502).json({
      type: "acronis_error",
      code: acronis.code ?? null,
      message: `Acronis could not complete the request (${acronis.message}). Try again in a moment.`,
    })
  }
}
