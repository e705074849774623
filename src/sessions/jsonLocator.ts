// Finds where a path's key and value sit in JSON text that is known to parse, for underlining problems
// in a large request without building a node for every value up front.
import type { JsonPath } from './problem';

export interface TextRange {
  readonly offset: number;
  readonly length: number;
}

/** Where a path ends: its value (and key, if a property) or, if absent, the container that lacks it. */
export type PathLocation =
  | { readonly found: true; readonly value: TextRange; readonly key?: TextRange }
  | { readonly found: false; readonly container: TextRange; readonly containerKind: 'object' | 'array' | 'scalar'; readonly containerKey?: TextRange };

interface Member {
  readonly key?: string;
  readonly keyRange?: TextRange;
  readonly start: number;
  readonly end: number;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;

/**
 * Each container's members are listed the first time a path goes through it and kept; a container
 * that no path enters is only skipped over. So locating any number of problems reads the text a small,
 * bounded number of times (once per nesting level at most), never once per problem.
 */
export class JsonLocator {
  private readonly members = new Map<number, Member[]>();
  private readonly rootStart: number;
  private rootEnd: number | undefined;

  /** `text` must be valid JSON (blank out comments first). */
  constructor(private readonly text: string) {
    this.rootStart = this.skipWhitespace(0);
  }

  locate(path: JsonPath): PathLocation {
    let start = this.rootStart;
    this.rootEnd ??= this.valueEnd(start);
    let end = this.rootEnd;
    let key: TextRange | undefined;
    for (const segment of path) {
      const kind = this.kindAt(start);
      const child = kind === 'scalar' ? undefined : this.childOf(start, kind, segment);
      if (!child) {
        return { found: false, container: { offset: start, length: end - start }, containerKind: kind, ...(key ? { containerKey: key } : {}) };
      }
      start = child.start;
      end = child.end;
      key = child.keyRange;
    }
    return { found: true, value: { offset: start, length: end - start }, ...(key ? { key } : {}) };
  }

  private kindAt(start: number): 'object' | 'array' | 'scalar' {
    const char = this.text[start];
    return char === '{' ? 'object' : char === '[' ? 'array' : 'scalar';
  }

  private childOf(start: number, kind: 'object' | 'array', segment: string | number): Member | undefined {
    const members = this.membersOf(start, kind);
    if (kind === 'array') return typeof segment === 'number' ? members[segment] : undefined;
    if (typeof segment !== 'string') return undefined;
    // With a duplicate key the last one counts, as in JSON.parse.
    for (let index = members.length - 1; index >= 0; index--) {
      if (members[index]?.key === segment) return members[index];
    }
    return undefined;
  }

  private membersOf(start: number, kind: 'object' | 'array'): Member[] {
    const cached = this.members.get(start);
    if (cached) return cached;
    const list: Member[] = [];
    const close = kind === 'object' ? '}' : ']';
    let index = this.skipWhitespace(start + 1);
    while (index < this.text.length && this.text[index] !== close) {
      let key: string | undefined;
      let keyRange: TextRange | undefined;
      if (kind === 'object') {
        const keyEnd = this.stringEnd(index);
        const raw = this.text.slice(index, keyEnd);
        key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        keyRange = { offset: index, length: keyEnd - index };
        index = this.skipWhitespace(this.skipWhitespace(keyEnd) + 1);
      }
      const end = this.valueEnd(index);
      list.push({ key, keyRange, start: index, end });
      index = this.skipWhitespace(end);
      if (this.text[index] === ',') index = this.skipWhitespace(index + 1);
    }
    this.members.set(start, list);
    return list;
  }

  /** The offset just past the value starting at `start`. */
  private valueEnd(start: number): number {
    const text = this.text;
    const first = text.charCodeAt(start);
    if (first === QUOTE) return this.stringEnd(start);
    if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
      let index = start;
      while (index < text.length && !/[\s,\]}]/.test(text[index] ?? '')) index++;
      return index;
    }
    // Jump from one character that matters to the next; strings are stepped over whole.
    const structural = /["{}[\]]/g;
    let depth = 0;
    let index = start;
    while (index < text.length) {
      structural.lastIndex = index;
      const match = structural.exec(text);
      if (!match) return text.length;
      index = match.index;
      const code = text.charCodeAt(index);
      if (code === QUOTE) {
        index = this.stringEnd(index);
        continue;
      }
      depth += code === OPEN_BRACE || code === OPEN_BRACKET ? 1 : -1;
      index++;
      if (depth === 0) return index;
    }
    return text.length;
  }

  private stringEnd(start: number): number {
    let index = start + 1;
    for (;;) {
      const quote = this.text.indexOf('"', index);
      if (quote < 0) return this.text.length;
      let backslashes = 0;
      while (this.text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
      index = quote + 1;
    }
  }

  private skipWhitespace(start: number): number {
    let index = start;
    while (index < this.text.length) {
      const code = this.text.charCodeAt(index);
      if (code === 32 || code === 9 || code === 10 || code === 13) index++;
      else break;
    }
    return index;
  }
}
