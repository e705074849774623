// The sandbox's hosted checkout page: server-rendered HTML in which every value from a request is escaped.
import { currencyDecimals } from '../sessions/currency';
import type { SandboxSession } from './sandboxStore';
import { checkoutHtml, ENGLISH_CHECKOUT, type CheckoutLanguage, type CheckoutMessage } from './checkoutText';

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function formatAmount(amount: number, currency: string): string {
  const digits = currencyDecimals(currency);
  return `${currency} ${amount.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

function safeReturnUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#f4f6fb;color:#1b2333}
main{max-width:520px;margin:32px auto;background:#fff;border-radius:12px;padding:24px 28px;box-shadow:0 2px 12px #0001}
h1{font-size:20px;margin:0 0 4px}.muted{color:#5b6474;font-size:13px}.amount{font-size:28px;font-weight:600;margin:12px 0}
table{width:100%;border-collapse:collapse;margin:12px 0}td,th{text-align:left;padding:6px 4px;border-bottom:1px solid #e6e9f0;font-size:14px}
td.num{text-align:right;white-space:nowrap}.status{display:inline-block;padding:2px 10px;border-radius:10px;font-weight:600;font-size:13px;background:#e6e9f0}
.ACTIVE{background:#dbeafe;color:#1e3a8a}.COMPLETED{background:#dcfce7;color:#14532d}.EXPIRED{background:#fef3c7;color:#78350f}.CANCELED{background:#fee2e2;color:#7f1d1d}
form{display:inline}button{font:inherit;padding:10px 18px;border-radius:8px;border:1px solid #1b3a8c;margin:12px 8px 0 0;cursor:pointer}
button.pay{background:#1b3a8c;color:#fff}button.cancel{background:#fff;color:#1b3a8c}.note{margin-top:16px;font-size:13px;color:#5b6474}
a{color:#1b3a8c}label.save{display:block;margin-top:12px;font-size:14px}`;

// Form actions and redirects are relative, so the page also works behind a path prefix (code-server serves
// loopback ports under /proxy/PORT/). Every sentence comes from `language`; every value is escaped.
export function renderCheckoutPage(session: SandboxSession, nonce: string, language: CheckoutLanguage = ENGLISH_CHECKOUT): string {
  const s = session.body;
  const t = (message: CheckoutMessage, ...html: string[]) => checkoutHtml(language, message, escapeHtml, ...html);
  const code = (value: unknown) => `<code>${escapeHtml(value)}</code>`;
  const amount = escapeHtml(formatAmount(Number(s.amount), String(s.currency)));
  const items = Array.isArray(s.items) ? (s.items as Record<string, unknown>[]) : [];
  const rows = items
    .map(
      (item) =>
        `<tr><td>${escapeHtml(item.name)}${item.description ? `<div class="muted">${escapeHtml(item.description)}</div>` : ''}</td><td class="num">× ${escapeHtml(item.quantity)}</td><td class="num">${escapeHtml(formatAmount(Number(item.net_unit_amount), String(s.currency)))}</td></tr>`,
    )
    .join('');
  const status = String(s.status);
  const id = escapeHtml(s.payment_session_id);
  // With allow_save_payment_method OPTIONAL the customer chooses, on the hosted page, whether to save.
  const offersSave = s.session_type !== 'SAVE' && s.allow_save_payment_method === 'OPTIONAL';
  const actions =
    status === 'ACTIVE'
      ? `<form method="post" action="${id}/pay">${offersSave ? `<label class="save"><input type="checkbox" name="save" value="1"> ${t('Save my payment details for next time')}</label>` : ''}<button class="pay" type="submit">${s.session_type === 'SAVE' ? t('Save payment details') : t('Pay {0}', amount)}</button></form>` +
        `<form method="post" action="${id}/cancel"><button class="cancel" type="submit">${t('Cancel')}</button></form>`
      : '';
  const back = status === 'COMPLETED' ? safeReturnUrl(s.success_return_url) : status === 'ACTIVE' ? undefined : safeReturnUrl(s.cancel_return_url);
  const completed = [
    t(s.session_type === 'SAVE' ? 'Payment details saved.' : 'Payment received.'),
    s.payment_request_id ? t('Payment request {0}.', code(s.payment_request_id)) : '',
    s.payment_token_id ? t('Payment token {0}.', code(s.payment_token_id)) : '',
  ];
  const outcome =
    status === 'COMPLETED'
      ? `<p>${completed.filter(Boolean).join(' ')}</p>`
      : status === 'CANCELED'
        ? `<p>${t('This session was cancelled.')}</p>`
        : status === 'EXPIRED'
          ? `<p>${t('This session has expired.')}</p>`
          : '';
  return `<!doctype html>
<html lang="${escapeHtml(language.tag)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('Sandbox checkout · {0}', escapeHtml(s.reference_id))}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main>
<p class="muted">${t('Xendit Sessions Playground · local sandbox checkout (no real payment)')}</p>
<h1>${escapeHtml(s.description ?? s.reference_id)}</h1>
<p class="muted">${t('Reference {0} · session {1} · {2} · {3}', code(s.reference_id), `<code>${id}</code>`, escapeHtml(s.session_type), escapeHtml(s.mode))}</p>
<div class="amount">${amount}</div>
<p>${t('Status: {0}', `<span class="status ${escapeHtml(status)}" id="status">${escapeHtml(status)}</span>`)}</p>
${rows ? `<table><thead><tr><th>${t('Item')}</th><th class="num">${t('Qty')}</th><th class="num">${t('Unit')}</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
${outcome}
${actions}
${back ? `<p class="note"><a href="${escapeHtml(back)}" rel="noreferrer">${t('Return to the merchant')}</a> (${escapeHtml(back)})</p>` : ''}
<p class="note">${t('Expires at {0}.', escapeHtml(s.expires_at))}</p>
</main>
</body>
</html>`;
}

export function renderNotFoundPage(language: CheckoutLanguage = ENGLISH_CHECKOUT): string {
  const t = (message: CheckoutMessage) => checkoutHtml(language, message, escapeHtml);
  return `<!doctype html><html lang="${escapeHtml(language.tag)}"><head><meta charset="utf-8"><title>${t('Not found')}</title></head><body><p>${t('No sandbox session has this id. Sessions live in memory and vanish when the sandbox stops.')}</p></body></html>`;
}
