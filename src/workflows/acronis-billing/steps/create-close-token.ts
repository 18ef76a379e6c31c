import { randomUUID } from "node:crypto"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"

export const createCloseTokenStepId = "create-close-token"

/**
 * A token of this close run, its own: it owns the run's lock (so the run releases only its own) and its
 * claims on the statement. Kept in the step's result, so a resumed run keeps it.
 */
export const createCloseTokenStep = createStep(createCloseTokenStepId, async () => new StepResponse(randomUUID()))
