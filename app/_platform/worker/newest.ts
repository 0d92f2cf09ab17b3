// The one rule for requests that go stale: only the newest request (per
// channel) matters. Ids grow; whoever issues or receives a newer id makes the
// older ones stale, and work on a stale request stops at its next pause point
// (by throwing StaleRequest there) or drops its answer.
//
// Requests that must all run, in order (they change shared state), go through
// a serial queue instead: nothing is dropped there.

/** Thrown at a pause point of work that a newer request has made pointless. */
export class StaleRequest extends Error {
  constructor() {
    super('superseded by a newer request');
    this.name = 'StaleRequest';
  }
}

/** Tracks the newest request id per channel (one channel unless given). */
export class Newest<Channel = string> {
  private readonly ids = new Map<Channel | undefined, number>();
  private issued = 0;

  /** Records that request `id` arrived; an older id never replaces a newer one. */
  arrived(id: number, channel?: Channel): void {
    this.ids.set(channel, Math.max(this.ids.get(channel) ?? -Infinity, id));
  }

  /** Issues the next id and makes it the newest: for the side that sends (or makes) the requests. */
  next(channel?: Channel): number {
    const id = ++this.issued;
    this.arrived(id, channel);
    return id;
  }

  isStale(id: number, channel?: Channel): boolean {
    return this.ids.get(channel) !== id;
  }

  /** Throws StaleRequest when `id` is no longer the newest: call it at each pause point. */
  check(id: number, channel?: Channel): void {
    if (this.isStale(id, channel)) throw new StaleRequest();
  }
}

/** Runs tasks one at a time in the order they were queued; a failing task does not stop the ones after it. */
export function serialQueue(): (task: () => Promise<void>) => Promise<void> {
  let tail: Promise<void> = Promise.resolve();
  return (task) => {
    const run = tail.then(task);
    tail = run.catch(() => {});
    return run;
  };
}
