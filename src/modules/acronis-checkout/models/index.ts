export { AcronisTermsConsent } from "./terms-consent"
export { AcronisLoginReservation } from "./login-reservation"
export { AcronisPayPerUseHold } from "./pay-per-use-hold"
