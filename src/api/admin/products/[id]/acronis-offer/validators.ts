import { acronisOfferSchema, AcronisOfferInput } from "../../../../../modules/acronis/domain/offer-schema"

/** `POST /admin/products/:id/acronis-offer`: creates or replaces the product's offer. */
export const AdminUpsertAcronisOffer = acronisOfferSchema
export type AdminUpsertAcronisOfferType = AcronisOfferInput
