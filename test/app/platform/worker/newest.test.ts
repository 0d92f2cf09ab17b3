// The one stale-request rule, the serial queue and the yield to waiting messages.
import { describe, expect, it } from 'vitest';
import { Newest, serialQueue, StaleRequest } from '@/app/_platform/worker/newest';
import { yieldToMessages } from '@/app/_platform/worker/yield';

describe('Newest', () => {
  it('makes every older request on a channel stale, and only on that channel', () => {
    const newest = new Newest();
    newest.arrived(1, 'a');
    newest.arrived(1, 'b');
    expect(newest.isStale(1, 'a')).toBe(false);
    newest.arrived(2, 'a');
    expect(newest.isStale(1, 'a')).toBe(true);
    expect(newest.isStale(2, 'a')).toBe(false);
    expect(newest.isStale(1, 'b')).toBe(false);
  });

  it('never lets an older id that arrives late replace a newer one', () => {
    const newest = new Newest();
    newest.arrived(5);
    newest.arrived(3);
    expect(newest.isStale(5)).toBe(false);
    expect(newest.isStale(3)).toBe(true);
  });

  it('issues ids on the sending side, each making the one before stale', () => {
    const newest = new Newest();
    const first = newest.next();
    expect(newest.isStale(first)).toBe(false);
    const second = newest.next();
    expect(second).toBeGreaterThan(first);
    expect(newest.isStale(first)).toBe(true);
  });

  it('check throws StaleRequest at a pause point of stale work', () => {
    const newest = new Newest();
    newest.arrived(1);
    expect(() => newest.check(1)).not.toThrow();
    newest.arrived(2);
    expect(() => newest.check(1)).toThrow(StaleRequest);
  });
});

describe('serialQueue', () => {
  it('runs tasks one at a time in order, and a failure does not stop the next', async () => {
    const enqueue = serialQueue();
    const log: string[] = [];
    const task = (name: string, fail = false) => async () => {
      log.push(`start ${name}`);
      await yieldToMessages();
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
    };
    const a = enqueue(task('a', true));
    const b = enqueue(task('b'));
    await expect(a).rejects.toThrow('a');
    await b;
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });
});

describe('yieldToMessages', () => {
  it('resumes on a later task, after the work already queued on this one, and in call order', async () => {
    const order: string[] = [];
    const waits = [yieldToMessages().then(() => order.push('first')), yieldToMessages().then(() => order.push('second'))];
    void Promise.resolve().then(() => order.push('microtask'));
    await Promise.all(waits);
    expect(order).toEqual(['microtask', 'first', 'second']);
  });
});
