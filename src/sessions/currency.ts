// What the playground knows of currencies beyond their codes; the rules, the sandbox's checkout page and the
// result panel (through the view the extension sends it) all ask here.

/**
 * ISO 4217 gives IDR and VND minor units, but Xendit takes whole amounts in them (INVALID_AMOUNT otherwise), and
 * nobody paying in rupiah or dong writes decimals.
 */
export const WHOLE_AMOUNT_CURRENCIES: readonly string[] = ['IDR', 'VND'];

/** True for a currency whose amounts are whole numbers (case-sensitive, as the API is). */
export function takesNoDecimals(currency: string): boolean {
  return WHOLE_AMOUNT_CURRENCIES.includes(currency);
}

/**
 * How many decimals an amount in `currency` may have: none for IDR and VND, two for the others the sessions API
 * takes (PHP, THB, SGD, MYR, USD), their ISO 4217 minor units. The newest docs: "decimals must suit the currency".
 */
export function currencyDecimals(currency: string): number {
  return takesNoDecimals(currency) ? 0 : 2;
}
