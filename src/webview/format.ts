// Times, durations and amounts as the panel shows them, in the webview's locale.
import { el, text, value } from './dom';
import { t } from './i18n';

// ISO 4217 gives IDR two minor units, but Xendit and everyone paying in rupiah or dong use none.
const NO_DECIMALS = new Set(['IDR', 'VND']);

export function time(iso: unknown): HTMLElement | undefined {
  const raw = text(iso);
  if (!raw) return undefined;
  const d = new Date(raw);
  if (Number.isNaN(d.getTime())) return value(raw);
  const t = el('time');
  t.setAttribute('datetime', d.toISOString());
  t.title = d.toISOString();
  t.textContent = d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  return t;
}

export function ms(x: unknown): string | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? t('{0} ms', Math.round(x)) : undefined;
}

export function formatAmount(amount: unknown, currency: unknown): string | undefined {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return undefined;
  const code = text(currency).toUpperCase();
  try {
    if (!code) return new Intl.NumberFormat().format(amount);
    const options: Intl.NumberFormatOptions = { style: 'currency', currency: code };
    if (NO_DECIMALS.has(code) && Number.isInteger(amount)) {
      options.minimumFractionDigits = 0;
      options.maximumFractionDigits = 0;
    }
    return new Intl.NumberFormat(undefined, options).format(amount);
  } catch {
    // Not an ISO currency code: show the figures as they came.
    return `${amount} ${code}`;
  }
}

function span(units: number): string {
  const s = Math.floor(units / 1000);
  if (s < 60) return t('{0} s', s);
  const m = Math.floor(s / 60);
  if (m < 60) return t('{0} min {1} s', m, s % 60);
  const h = Math.floor(m / 60);
  if (h < 24) return t('{0} h {1} min', h, m % 60);
  return t('{0} d {1} h', Math.floor(h / 24), h % 24);
}

export function countdownText(expiresAt: number): string {
  const left = expiresAt - Date.now();
  return left > 0 ? t('expires in {0}', span(left)) : t('expired {0} ago', span(-left));
}

/** The expiry countdowns on screen, ticking once a second while any is shown. */
export class Countdowns {
  private list: { node: HTMLElement; at: number }[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;

  add(node: HTMLElement, at: number): void {
    this.list.push({ node, at });
  }

  start(): void {
    if (this.list.length) this.timer = setInterval(() => this.tick(), 1000);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.list = [];
  }

  private tick(): void {
    for (const c of this.list) c.node.textContent = countdownText(c.at);
  }
}
