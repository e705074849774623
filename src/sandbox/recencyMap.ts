// A map that knows which of its keys was set longest ago, and drops it in constant time: what the sandbox's
// bounded stores need (its sessions, the order they became final, the reference ids it remembers).
//
// A plain Map keeps insertion order, but V8 leaves a hole in its table for every deleted entry until the table is
// rebuilt, and `keys().next()` walks every hole from the front. Dropping the oldest of 20,000 entries that way took
// about 10 µs, a third of a sandbox create. Here the order is a queue of (key, generation) beside the map: an entry
// set again or deleted leaves a stale queue item that is skipped when reached, and the queue is rebuilt from the live
// entries once the stale items outnumber them.

interface Slot<V> {
  readonly value: V;
  readonly generation: number;
}

/** Stale queue items tolerated beyond twice the live entries before the queue is rebuilt. */
const SLACK = 1024;

export class RecencyMap<V> {
  private readonly slots = new Map<string, Slot<V>>();
  /** The queue, as two arrays side by side (no object per item): each set's key and generation. */
  private keys: string[] = [];
  private generations: number[] = [];
  /** Index of the first queue item not yet passed (items before it are gone). */
  private head = 0;
  private generation = 0;

  get size(): number {
    return this.slots.size;
  }

  /** Queue items held, stale ones included: bounded by twice the entries plus a constant. */
  get queued(): number {
    return this.keys.length - this.head;
  }

  get(key: string): V | undefined {
    return this.slots.get(key)?.value;
  }

  has(key: string): boolean {
    return this.slots.has(key);
  }

  /** Sets `key` to `value` and makes it the newest entry, whether or not it was there before. */
  set(key: string, value: V): void {
    const generation = ++this.generation;
    this.slots.set(key, { value, generation });
    this.keys.push(key);
    this.generations.push(generation);
    this.compactIfStale();
  }

  delete(key: string): boolean {
    const deleted = this.slots.delete(key);
    if (deleted) this.compactIfStale();
    return deleted;
  }

  /** The key set longest ago, without removing it; undefined when empty. */
  oldest(): string | undefined {
    while (this.head < this.keys.length) {
      const key = this.keys[this.head];
      if (this.isLive(key, this.generations[this.head])) return key;
      this.head++;
    }
    return undefined;
  }

  /** Removes the key set longest ago and returns it; undefined when empty. */
  dropOldest(): string | undefined {
    const key = this.oldest();
    if (key === undefined) return undefined;
    this.slots.delete(key);
    this.head++;
    this.compactIfStale();
    return key;
  }

  /** Rebuilds the queue when its stale items outnumber the live entries, and lets go of the items passed once they
   * outnumber the rest: each in time linear in what it keeps, so constant per operation over time. */
  private compactIfStale(): void {
    const pending = this.keys.length - this.head;
    if (pending > 2 * this.slots.size + SLACK) {
      const keys: string[] = [];
      const generations: number[] = [];
      for (let i = this.head; i < this.keys.length; i++) {
        if (!this.isLive(this.keys[i], this.generations[i])) continue;
        keys.push(this.keys[i]);
        generations.push(this.generations[i]);
      }
      [this.keys, this.generations, this.head] = [keys, generations, 0];
    } else if (this.head > SLACK && this.head > pending) {
      [this.keys, this.generations, this.head] = [this.keys.slice(this.head), this.generations.slice(this.head), 0];
    }
  }

  /** Whether the queue item (key, generation) is the entry's latest set, not a stale one. */
  private isLive(key: string, generation: number): boolean {
    return this.slots.get(key)?.generation === generation;
  }

  /** Queue items held in memory, passed ones included (for tests: bounded as `queued` is). */
  get held(): number {
    return this.keys.length;
  }
}
