import { MedusaService } from "@medusajs/framework/utils"
import { AcronisLoginReservation, AcronisPayPerUseHold, AcronisTermsConsent } from "./models"

/** Checkout records of Acronis orders: terms consents, login reservations and pay-per-use holds. */
export default class AcronisCheckoutModuleService extends MedusaService({
  AcronisTermsConsent,
  AcronisLoginReservation,
  AcronisPayPerUseHold,
}) {}
