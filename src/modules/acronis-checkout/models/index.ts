export { AcronisTermsConsent } from "./terms-consent"
export { AcronisLoginReservation } from "./login-reservation"
