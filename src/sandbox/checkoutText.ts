// Every sentence the sandbox's checkout page shows, in English, as the keys of a translation. The sandbox knows
// no language but English: whoever starts it may pass the translations (the extension passes VS Code's, from
// the same l10n bundles as the rest of its strings; see src/vscode/checkoutLanguage.ts).

export const CHECKOUT_MESSAGES = [
  'Sandbox checkout · {0}',
  'Xendit Sessions Playground · local sandbox checkout (no real payment)',
  'Reference {0} · session {1} · {2} · {3}',
  'Status: {0}',
  'Item',
  'Qty',
  'Unit',
  'Pay {0}',
  'Save payment details',
  'Save my payment details for next time',
  'Cancel',
  'Payment received.',
  'Payment details saved.',
  'Payment request {0}.',
  'Payment token {0}.',
  'This session was cancelled.',
  'This session has expired.',
  'Return to the merchant',
  'Expires at {0}.',
  'Not found',
  'No sandbox session has this id. Sessions live in memory and vanish when the sandbox stops.',
] as const;

export type CheckoutMessage = (typeof CHECKOUT_MESSAGES)[number];

/** The page's language: its `lang` tag and each message's template with `{0}`… holes, translated. */
export interface CheckoutLanguage {
  readonly tag: string;
  readonly templates: Readonly<Record<CheckoutMessage, string>>;
}

export const ENGLISH_CHECKOUT: CheckoutLanguage = {
  tag: 'en',
  templates: Object.fromEntries(CHECKOUT_MESSAGES.map((message) => [message, message])) as Record<CheckoutMessage, string>,
};

/**
 * A language from a translation table (English key → translated template), English for any key it lacks or
 * whose `{n}` holes differ from the English ones (a broken translation must not drop a value).
 */
export function checkoutLanguage(tag: string, table: Readonly<Record<string, string>>): CheckoutLanguage {
  const holes = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort().join();
  const templates = Object.fromEntries(
    CHECKOUT_MESSAGES.map((message) => {
      const translated = table[message];
      return [message, typeof translated === 'string' && translated && holes(translated) === holes(message) ? translated : message];
    }),
  ) as Record<CheckoutMessage, string>;
  return { tag, templates };
}

/**
 * The message as HTML: the template's own text escaped, each `{n}` replaced by `html[n]`, which the caller has
 * already escaped (it may hold markup such as `<code>`).
 */
export function checkoutHtml(language: CheckoutLanguage, message: CheckoutMessage, escape: (text: string) => string, ...html: string[]): string {
  return escape(language.templates[message]).replace(/\{(\d+)\}/g, (hole, index: string) => html[Number(index)] ?? hole);
}
