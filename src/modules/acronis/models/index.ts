export { AcronisOffer } from "./acronis-offer"
