// A sentence shown to the user, kept as its English template and the values of its holes, so that each surface can
// say it in its own language: the CLI and the log in English, the editor through its l10n bundle. `npm run l10n`
// (scripts/l10n.mjs) collects the template of every `phrase('…')` call into the bundle for translation, so the
// template must be a string literal, written in the call.

export type PhraseArg = string | number | Phrase;

export interface Phrase {
  /** The English text, with `{0}`, `{1}`… where the arguments go. The key of its translation. */
  readonly template: string;
  readonly args: readonly PhraseArg[];
}

export function phrase(template: string, ...args: PhraseArg[]): Phrase {
  return { template, args };
}

/** How a surface fills a template: its translation of `template`, with `args` (already said) in the holes. */
export type Say = (template: string, args: readonly string[]) => string;

/** The template as written, its holes filled. */
export const inEnglish: Say = (template, args) => template.replace(/\{(\d+)\}/g, (hole, i: string) => args[Number(i)] ?? hole);

/** One phrase, or several as consecutive sentences, in the language of `say`; an argument that is a phrase is said first. */
export function say(phrases: Phrase | readonly Phrase[], how: Say = inEnglish): string {
  const sayOne = (p: Phrase): string => how(p.template, p.args.map((a) => (typeof a === 'object' ? sayOne(a) : String(a))));
  return ('template' in phrases ? [phrases] : phrases).map(sayOne).join(' ');
}

/** A refused check's answer: why, in English (`reason`) and as a phrase for the editor's language (`says`). */
export function refusal(why: Phrase): { readonly ok: false; readonly reason: string; readonly says: Phrase } {
  return { ok: false, reason: say(why), says: why };
}

/** The phrases with `scrub` applied to every text argument, at any depth (the values a phrase quotes may hold a secret). */
export function scrubArgs(phrases: readonly Phrase[], scrub: (text: string) => PhraseArg): Phrase[] {
  const one = (p: Phrase): Phrase => ({ template: p.template, args: p.args.map((a) => (typeof a === 'string' ? scrub(a) : typeof a === 'number' ? a : one(a))) });
  return phrases.map(one);
}
