// The simulators' one set of duration and dollar formats, one style per widget.
import { describe, expect, it } from 'vitest';
import { formatSeconds, formatUsd } from '@/app/_platform/format';

describe('formatSeconds', () => {
  it("tenths: the lab's virtual clock", () => {
    expect(formatSeconds(0, 'tenths')).toBe('0.0 s');
    expect(formatSeconds(566.44, 'tenths')).toBe('566.4 s');
  });

  it("whole: the pipeline's step times", () => {
    expect(formatSeconds(0, 'whole')).toBe('0 s');
    expect(formatSeconds(24.4, 'whole')).toBe('24 s');
    expect(formatSeconds(540, 'whole')).toBe('9 min');
    expect(formatSeconds(565.6, 'whole')).toBe('9 min 26 s');
  });

  it("span: the comparison's milliseconds to days", () => {
    expect(formatSeconds(0.85, 'span')).toBe('850 ms');
    expect(formatSeconds(2.44, 'span')).toBe('2.4 s');
    expect(formatSeconds(24.4, 'span')).toBe('24 s');
    expect(formatSeconds(566, 'span')).toBe('9 min 26 s');
    expect(formatSeconds(3.5 * 3600, 'span')).toBe('3.5 h');
    expect(formatSeconds(50 * 3600, 'span')).toBe('2.1 days');
  });
});

describe('formatUsd', () => {
  it('exact, sub-cent and rounded', () => {
    expect(formatUsd(0, 'exact')).toBe('$0.0000');
    expect(formatUsd(1.23456, 'exact')).toBe('$1.2346');
    expect(formatUsd(0, 'sub-cent')).toBe('$0');
    expect(formatUsd(0.00123, 'sub-cent')).toBe('$0.0012');
    expect(formatUsd(3.4, 'sub-cent')).toBe('$3.40');
    expect(formatUsd(0.00123, 'rounded')).toBe('$0.0012');
    expect(formatUsd(3.4, 'rounded')).toBe('$3.40');
    expect(formatUsd(1234.4, 'rounded')).toBe('$1,234');
  });
});
