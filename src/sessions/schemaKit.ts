// The building blocks of the zod model: hover texts registered for the JSON schema, compiled object parsers,
// and keys the API refuses. schema.ts and requestParts.ts compose the request from them.
import * as z from 'zod/mini';
import { ZodMiniObject } from 'zod/mini';
import { $constructor, $ZodObjectJIT } from 'zod/v4/core';
import { type Phrase, say } from './phrase';

/** The few markdown forms the texts here use (code, links, emphasis), read as plain text. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/`/g, '')
    .replace(/\b_([^_]+)_\b/g, '$1');
}

/**
 * Gives `schema` its hover text for the editor: markdown for VS Code, the same words as plain text for other JSON
 * tools. Registered on the schema itself, not added as a `z.meta()` check: zod runs checks on every parse, and
 * those no-op checks alone made checking a request with thousands of items take twice as long.
 */
export function described<T extends z.ZodMiniType>(schema: T, markdown: string, extra: Record<string, unknown> = {}): T {
  z.globalRegistry.add(schema, { description: plainText(markdown), markdownDescription: markdown, ...extra });
  return schema;
}

/** Per-value hover text for an enum, in the enum's order (what VS Code's completion list shows). */
export function enumDoc<T extends string>(values: readonly T[], texts: Record<T, string>): Record<string, unknown> {
  const markdown = values.map((value) => texts[value]);
  return { markdownEnumDescriptions: markdown, enumDescriptions: markdown.map(plainText) };
}

// zod/mini checks an object's keys in a loop, where full zod compiles a parser for each object shape, and the
// compiled one checks a request with thousands of items twice as fast (the editor does it on every keystroke).
// So the model's objects are mini objects with full zod's object parser, composed the way full zod composes its own.
const CompiledObject = $constructor<ZodMiniObject>('XspCompiledMiniObject', (inst, def) => {
  $ZodObjectJIT.init(inst, def);
  ZodMiniObject.init(inst, def);
});

/** `z.strictObject` with the compiled parser. */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T): ZodMiniObject<z.util.Writeable<T>, z.core.$strict> {
  return new CompiledObject({ type: 'object', shape, catchall: z.never() }) as ZodMiniObject<z.util.Writeable<T>, z.core.$strict>;
}

/** `z.looseObject` with the compiled parser. */
export function looseObject<T extends z.core.$ZodLooseShape>(shape: T): ZodMiniObject<z.util.Writeable<T>, z.core.$loose> {
  return new CompiledObject({ type: 'object', shape, catchall: z.unknown() }) as ZodMiniObject<z.util.Writeable<T>, z.core.$loose>;
}

/**
 * A key the newest docs say the API answers 400 to. Declared (so it is no "unknown key") as a value nothing
 * matches: the model reports it as an error whose message is `markdown`, and the JSON schema says `not: {}`.
 */
export function refused(why: Phrase): z.ZodMiniOptional<z.ZodMiniNever> {
  const never = described(z.never(), say(why), { refused: true });
  REFUSALS.set(never, why);
  return z.optional(never);
}

/** Why each refused key is refused, as the phrase its text was said from (for the editor's language). */
const REFUSALS = new WeakMap<z.core.$ZodType, Phrase>();

/** The phrase of a refused key's text (see refusalText), or undefined when `schema` is no refused key. */
export function refusalPhrase(schema: z.core.$ZodType | undefined): Phrase | undefined {
  return schema ? REFUSALS.get(schema) : undefined;
}

/** The text registered for a refused key's schema, or undefined when `schema` is no refused key. */
export function refusalText(schema: z.core.$ZodType | undefined): string | undefined {
  const meta = schema ? z.globalRegistry.get(schema) : undefined;
  return meta?.refused === true && typeof meta.description === 'string' ? meta.description : undefined;
}
