// @ts-check
/**
 * Demo orders: the same user always gets the same orders, derived from their id, so the service
 * needs no database and a test can predict the answer.
 */

const PRODUCTS = [
  { sku: 'KB-01', name: 'Mechanical keyboard', priceCents: 8900 },
  { sku: 'MS-02', name: 'Wireless mouse', priceCents: 3400 },
  { sku: 'MN-27', name: '27-inch monitor', priceCents: 27900 },
  { sku: 'HS-03', name: 'Headset', priceCents: 5900 },
  { sku: 'CB-04', name: 'USB-C cable', priceCents: 1200 },
  { sku: 'DK-05', name: 'Docking station', priceCents: 16900 },
];
const STATUSES = /** @type {const} */ (['delivered', 'shipped', 'processing']);
const ORDERS_PER_USER = 3;
/** A fixed origin for the demo dates, so the list does not change from one day to the next. */
const FIRST_ORDER_AT = Date.UTC(2026, 0, 5);
const DAY_MS = 86_400_000;

/**
 * @typedef {object} Order
 * @property {string} id
 * @property {string} placedAt ISO date
 * @property {typeof STATUSES[number]} status
 * @property {{ sku: string, name: string, quantity: number, priceCents: number }[]} items
 * @property {number} totalCents
 */

/**
 * FNV-1a: a stable 32-bit number from a string; not for security, only to spread users.
 * @param {string} text
 * @returns {number}
 */
function hashText(text) {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The demo orders of one user, newest first.
 *
 * @example
 * listOrdersForUser('u_alice').length // 3
 * @param {string} userId
 * @returns {Order[]}
 */
export function listOrdersForUser(userId) {
  const seed = hashText(userId);
  /** @type {Order[]} */
  const orders = [];
  for (let index = 0; index < ORDERS_PER_USER; index++) {
    const mix = hashText(`${seed}:${index}`);
    const first = PRODUCTS[mix % PRODUCTS.length] ?? PRODUCTS[0];
    const second = PRODUCTS[(mix >>> 8) % PRODUCTS.length] ?? PRODUCTS[0];
    if (!first || !second) continue;
    const items = [{ sku: first.sku, name: first.name, quantity: 1 + ((mix >>> 16) % 3), priceCents: first.priceCents }];
    if (second.sku !== first.sku) items.push({ sku: second.sku, name: second.name, quantity: 1, priceCents: second.priceCents });
    orders.push({
      id: `ord_${(mix >>> 0).toString(36)}`,
      placedAt: new Date(FIRST_ORDER_AT + ((seed >>> (index * 4)) % 30) * DAY_MS + index * 31 * DAY_MS).toISOString().slice(0, 10),
      status: STATUSES[index] ?? 'delivered',
      items,
      totalCents: items.reduce((sum, item) => sum + item.quantity * item.priceCents, 0),
    });
  }
  return orders.reverse();
}
