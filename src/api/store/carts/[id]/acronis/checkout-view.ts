import type { AcronisCheckoutState } from "../../../../../workflows/acronis-checkout"

/** What a storefront sees of a cart's Acronis checkout: who buys, the steps, and whether it can complete. */
export function toStoreCheckoutView(state: AcronisCheckoutState) {
  const { buyer } = state
  return {
    cart_id: state.cart.id,
    has_acronis_items: state.lines.length > 0,
    buyer: !buyer.customer_id ? "guest" : buyer.reseller ? "reseller" : "direct_customer",
    sub_account_id: buyer.sub_account_id,
    items: state.lines.map((line) => ({
      line_item_id: line.item_id,
      title: line.title,
      type: line.offer.type,
      settings: line.offer.type === "ppu" ? line.metadata?.acronis ?? null : null,
    })),
    steps: state.steps,
    ready: state.steps.every((step) => !step.required || step.completed),
  }
}
