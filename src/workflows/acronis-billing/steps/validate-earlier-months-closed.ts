import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { ACRONIS_BILLING_MODULE } from "../../../modules/acronis-billing"
import type AcronisBillingModuleService from "../../../modules/acronis-billing/service"
import { periodsToClose } from "../../../modules/acronis-billing/domain/catch-up"
import { periodBounds } from "../../../modules/acronis-billing/domain/period"
import { isSettled } from "../../../modules/acronis-billing/domain/statement-status"
import { serviceSpansOf } from "../../../modules/acronis/domain/service-spans"

export const validateEarlierMonthsClosedStepId = "validate-earlier-months-closed"

/**
 * A subscription's months are closed in order: a month's checkout credit and fees paid in advance depend on
 * the statements before it, so closing November while October is still open (or on hold) is refused.
 */
export const validateEarlierMonthsClosedStep = createStep(
  validateEarlierMonthsClosedStepId,
  async (input: { subscription_id: string; period: string }, { container }) => {
    const subscription = await container.resolve<AcronisModuleService>(ACRONIS_MODULE).retrieveAcronisSubscription(input.subscription_id)
    const spans = serviceSpansOf(subscription)
    if (!spans.length) return new StepResponse(null)
    const statements = await container
      .resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
      .listAcronisStatements({ subscription_id: subscription.id, period: { $lt: input.period } }, { select: ["period", "status", "total"], take: null })
    const open = periodsToClose({ spans, closed: new Set(statements.filter(isSettled).map((s) => s.period)), today: periodBounds(input.period).start })
    if (open.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Acronis subscription ${subscription.id}: ${open.join(", ")} must be closed before ${input.period} (months are billed in order)`
      )
    }
    return new StepResponse(null)
  }
)
