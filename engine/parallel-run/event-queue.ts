// The virtual clock's agenda: a binary min-heap ordered by time, then by the
// order events were scheduled, so equal times always resolve the same way.
// Parallel arrays keep it free of per-event wrapper objects.

export class EventQueue<T> {
  private times: number[] = [];
  private seqs: number[] = [];
  private values: T[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.values.length;
  }

  push(time: number, value: T): void {
    let i = this.values.length;
    const seq = this.nextSeq++;
    this.times.push(time);
    this.seqs.push(seq);
    this.values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(time, seq, parent)) break;
      this.move(parent, i);
      i = parent;
    }
    this.place(i, time, seq, value);
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.values.length > 0 ? (this.times[0] as number) : Infinity;
  }

  /** Removes the earliest event and returns it, or undefined when empty. */
  pop(): T | undefined {
    const n = this.values.length;
    if (n === 0) return undefined;
    const top = this.values[0] as T;
    const time = this.times.pop() as number;
    const seq = this.seqs.pop() as number;
    const value = this.values.pop() as T;
    if (n > 1) this.siftDown(time, seq, value);
    return top;
  }

  private siftDown(time: number, seq: number, value: T): void {
    const n = this.values.length;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && this.lessAt(right, left) ? right : left;
      if (!this.lessAt(child, -1, time, seq)) break;
      this.move(child, i);
      i = child;
    }
    this.place(i, time, seq, value);
  }

  private before(time: number, seq: number, at: number): boolean {
    const t = this.times[at] as number;
    return time < t || (time === t && seq < (this.seqs[at] as number));
  }

  private lessAt(a: number, b: number, time = 0, seq = 0): boolean {
    const tb = b < 0 ? time : (this.times[b] as number);
    const sb = b < 0 ? seq : (this.seqs[b] as number);
    const ta = this.times[a] as number;
    return ta < tb || (ta === tb && (this.seqs[a] as number) < sb);
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from] as number;
    this.seqs[to] = this.seqs[from] as number;
    this.values[to] = this.values[from] as T;
  }

  private place(i: number, time: number, seq: number, value: T): void {
    this.times[i] = time;
    this.seqs[i] = seq;
    this.values[i] = value;
  }
}
