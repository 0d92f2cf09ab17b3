import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRandom } from '@/engine/random';
import { erlangC, waitQuantileSeconds } from '@/engine/realtime/index';

/** A seeded first-come-first-served queue with c slots, to check the formulas against. */
function simulateQueue(servers: number, arrivalsPerSecond: number, serviceSeconds: number, customers: number, seed: number): number[] {
  const rng = createRandom(seed);
  const exp = (rate: number): number => -Math.log(1 - rng.next()) / rate;
  const free = new Array<number>(servers).fill(0);
  const waits: number[] = [];
  let now = 0;
  for (let i = 0; i < customers; i++) {
    now += exp(arrivalsPerSecond);
    let slot = 0;
    for (let s = 1; s < servers; s++) if ((free[s] as number) < (free[slot] as number)) slot = s;
    const start = Math.max(now, free[slot] as number);
    waits.push(start - now);
    free[slot] = start + exp(1 / serviceSeconds);
  }
  return waits;
}

describe('Erlang C', () => {
  it('equals the utilisation for a single server (M/M/1)', () => {
    expect(erlangC(1, 0.3)).toBeCloseTo(0.3, 12);
    expect(erlangC(1, 0.9)).toBeCloseTo(0.9, 12);
  });

  it('matches the closed form for two servers at one erlang (1/3)', () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
  });

  it('is 0 without load and 1 at or beyond capacity', () => {
    expect(erlangC(4, 0)).toBe(0);
    expect(erlangC(4, 4)).toBe(1);
    expect(erlangC(4, 9)).toBe(1);
  });

  it('stays finite for thousands of servers', () => {
    const c = erlangC(5000, 4900);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
  });

  it('agrees with a seeded queue simulation (3 slots at 80 % load)', () => {
    const waits = simulateQueue(3, 2.4, 1, 300_000, 7).slice(5_000);
    const waited = waits.filter((w) => w > 0).length / waits.length;
    expect(Math.abs(waited - erlangC(3, 2.4))).toBeLessThan(0.015);
    const sorted = [...waits].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(0.95 * sorted.length)] as number;
    // Within 5 %: the formula is exact for this queue, the simulation only samples it.
    expect(Math.abs(p95 / waitQuantileSeconds(0.95, 3, 2.4, 1) - 1)).toBeLessThan(0.05);
  });

  it('grows with the load for any server count (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.double({ min: 0.01, max: 0.98, noNaN: true }), (servers, share) => {
        expect(erlangC(servers, share * servers)).toBeLessThanOrEqual(erlangC(servers, Math.min(0.99, share + 0.01) * servers) + 1e-12);
      }),
      { numRuns: 200 },
    );
  });
});

describe('waitQuantileSeconds', () => {
  it('uses P(wait > t) = C·e^(−(cμ−λ)t): M/M/1 at half load waits 2·ln 10 s at p95', () => {
    expect(waitQuantileSeconds(0.95, 1, 0.5, 1)).toBeCloseTo(2 * Math.log(10), 10);
  });

  it('is zero when fewer requests wait than the percentile leaves out', () => {
    expect(waitQuantileSeconds(0.5, 1, 0.3, 1)).toBe(0);
    expect(waitQuantileSeconds(0.95, 10, 1, 1)).toBe(0);
  });

  it('is infinite when the load reaches capacity', () => {
    expect(waitQuantileSeconds(0.5, 2, 2, 1)).toBe(Infinity);
  });
});
