import { describe, expect, it } from 'vitest';
import { formatBytes, parseSize } from '@/engine/parallel-run/index';

describe('parseSize', () => {
  it.each([
    [1024, 1024],
    ['1024', 1024],
    ['1KB', 1024],
    ['64kb', 64 * 1024],
    ['1MB', 1024 * 1024],
    ['10mB', 10 * 1024 * 1024],
    ['1GB', 1024 ** 3],
    ['2Gb', 2 * 1024 ** 3],
  ])('reads %j as %d bytes (units are binary)', (value, bytes) => {
    expect(parseSize(value)).toBe(bytes);
  });

  it.each([['1XB'], ['1 MB'], ['MB'], ['1.5MB'], ['-1'], [''], ['1TB'], ['1KBMB'], [0], ['0'], [-5], [1.5], [Number.NaN], [null], [{}]])(
    'rejects %j',
    (value) => {
      expect(parseSize(value)).toBeNull();
    },
  );
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3 GB');
  });
});
