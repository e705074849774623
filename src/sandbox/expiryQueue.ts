// The sandbox's schedule of expiries: a binary min-heap of (expires_at, session id), so finding the sessions due
// is a look at the top instead of a scan of every stored session. Entries whose session has since completed,
// been cancelled or been dropped stay in the heap until they surface and are skipped then; `compact` rebuilds
// the heap from the live entries when the stale ones outnumber them.

interface Entry {
  readonly at: number;
  readonly id: string;
}

export class ExpiryQueue {
  private heap: Entry[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(at: number, id: string): void {
    const heap = this.heap;
    heap.push({ at, id });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent].at <= heap[i].at) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  }

  /** Removes and returns the ids of every entry due at `now` (at <= now), earliest first. */
  popDue(now: number): string[] {
    const due: string[] = [];
    while (this.heap.length > 0 && this.heap[0].at <= now) due.push(this.pop().id);
    return due;
  }

  /** Keeps only the entries `keep` accepts (a linear rebuild). */
  compact(keep: (id: string) => boolean): void {
    const live = this.heap.filter((e) => keep(e.id));
    this.heap = [];
    for (const e of live.sort((a, b) => a.at - b.at)) this.heap.push(e);
  }

  private pop(): Entry {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l].at < heap[m].at) m = l;
        if (r < heap.length && heap[r].at < heap[m].at) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    return top;
  }
}
