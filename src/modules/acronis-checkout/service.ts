import { MedusaService } from "@medusajs/framework/utils"
import { AcronisLoginReservation, AcronisTermsConsent } from "./models"

/** Checkout records of Acronis carts: terms consents and login reservations. */
export default class AcronisCheckoutModuleService extends MedusaService({ AcronisTermsConsent, AcronisLoginReservation }) {}
