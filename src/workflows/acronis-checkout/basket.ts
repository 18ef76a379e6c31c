import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { type AcronisLine, loadOffersByVariant, toAcronisLine } from "./acronis-lines"
import { loadBuyer, subAccountIdOf } from "./buyer"
import { assertDataLocationsOfTenant, assertPlanOrder } from "./plan-order"
import { type CheckoutCart, checkoutCartFields, loadAcronisLines } from "./checkout-state"
import {
  assertBillingInterval,
  assertBuyerMayOrder,
  assertNoOpenPayPerUse,
  assertOnePayPerUseLine,
  assertQuantityOne,
  assertSettings,
} from "./rules"

type NewItem = { variant_id?: string | null; quantity?: unknown; metadata?: Record<string, unknown> | null }

async function loadCart(container: MedusaContainer, cartId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({ entity: "cart", fields: checkoutCartFields, filters: { id: cartId } })
  return cart as unknown as CheckoutCart
}

/** Applies every basket rule to the cart's Acronis lines as they would be after the change. */
async function assertBasket(container: MedusaContainer, cart: CheckoutCart, lines: AcronisLine[], changed: AcronisLine[]) {
  for (const line of changed) {
    assertQuantityOne(line)
    assertSettings(line)
    assertBillingInterval(line)
    await assertPlanOrder(container, line, cart.currency_code)
  }
  assertOnePayPerUseLine(lines)
  const buyer = await loadBuyer(container, { customer_id: cart.customer_id, sub_account_id: subAccountIdOf(cart.metadata) })
  assertBuyerMayOrder(lines, buyer, cart.currency_code)
  await assertDataLocationsOfTenant(container, changed, buyer)
  if (changed.some((line) => line.offer.type === "ppu")) {
    await assertNoOpenPayPerUse(container, lines, buyer)
  }
}

/** Add-to-cart: items of plain products pass untouched; Acronis items must satisfy every basket rule. */
export async function validateAcronisItemsAdded(container: MedusaContainer, cartId: string, items: NewItem[]) {
  const offers = await loadOffersByVariant(container, items.map((item) => item.variant_id ?? "").filter(Boolean))
  if (!offers.size) {
    return
  }
  const cart = await loadCart(container, cartId)
  const existing = await loadAcronisLines(container, cart)
  const added: AcronisLine[] = items.flatMap((item) => {
    const found = item.variant_id ? offers.get(item.variant_id) : undefined
    return found ? [toAcronisLine({ ...item, id: null, variant_id: item.variant_id!, title: null }, found)] : []
  })
  for (const line of added) {
    // Medusa would merge it into the existing line and raise its quantity to 2.
    const same = existing.find((other) => other.variant_id === line.variant_id)
    if (same) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `"${line.title}" is already in the basket, and an Acronis service is ordered once (quantity 1). To change its ` +
          `settings, update line item ${same.item_id} (POST /store/carts/${cartId}/line-items/${same.item_id}).`
      )
    }
  }
  await assertBasket(container, cart, [...existing, ...added], added)
}

/** Update-line-item: the Acronis item keeps quantity 1 (0 removes it) and valid settings. */
export async function validateAcronisItemUpdated(
  container: MedusaContainer,
  cartId: string,
  itemId: string,
  update: { quantity?: unknown; metadata?: Record<string, unknown> | null }
) {
  const cart = await loadCart(container, cartId)
  const lines = await loadAcronisLines(container, cart)
  const current = lines.find((line) => line.item_id === itemId)
  if (!current || Number(update.quantity) === 0) {
    return
  }
  const updated: AcronisLine = {
    ...current,
    quantity: Number(update.quantity ?? current.quantity),
    metadata: update.metadata !== undefined ? update.metadata : current.metadata,
  }
  await assertBasket(container, cart, lines.map((line) => (line.item_id === itemId ? updated : line)), [updated])
}
