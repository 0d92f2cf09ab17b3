import { describe, expect, it } from 'vitest';
import { formatCsvLine, parseCsvRecords, parseNumericCell, rowsToCsv, utf8ByteLength } from '../../../engine/dataset/csv';

describe('parseCsvRecords', () => {
  it('splits plain lines and records each span including its line break', () => {
    const text = 'a,b\n1,2\r\n3,4';
    const records = parseCsvRecords(text);
    expect(records.map((r) => r.cells)).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    expect(records.map((r) => text.slice(r.start, r.end))).toEqual(['a,b\n', '1,2\r\n', '3,4']);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'x,y\n"1,5","say ""hi"""\n"two\nlines",z\n';
    const records = parseCsvRecords(text);
    expect(records.map((r) => r.cells)).toEqual([['x', 'y'], ['1,5', 'say "hi"'], ['two\nlines', 'z']]);
    expect(text.slice(records[2]!.start, records[2]!.end)).toBe('"two\nlines",z\n');
  });

  it('skips blank lines and a byte-order mark', () => {
    expect(parseCsvRecords('\ufeffh\n\n1\n\n').map((r) => r.cells)).toEqual([['h'], ['1']]);
  });

  it('round-trips what rowsToCsv writes', () => {
    const rows = [{ a: 'x,y', b: 3.5, c: 'q"q' }, { a: '', b: -2, c: 'new\nline' }];
    const records = parseCsvRecords(rowsToCsv(rows, ['a', 'b', 'c']));
    expect(records.map((r) => r.cells)).toEqual([['a', 'b', 'c'], ['x,y', '3.5', 'q"q'], ['', '-2', 'new\nline']]);
    expect(formatCsvLine({ a: 1 }, ['a', 'missing'])).toBe('1,');
  });
});

describe('parseNumericCell', () => {
  it('accepts plain decimal literals only', () => {
    expect(['12', '-0.5', '.25', '1e3', '+7'].map(parseNumericCell)).toEqual([12, -0.5, 0.25, 1000, 7]);
    for (const bad of ['', ' ', 'N/A', '#VALUE!', 'NaN', 'Infinity', '1e999', '0x10', '1,250', '12abc']) {
      expect(parseNumericCell(bad)).toBeUndefined();
    }
  });
});

describe('utf8ByteLength', () => {
  it('matches TextEncoder on mixed text', () => {
    const text = 'a€ü😀,\n';
    expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
    expect(utf8ByteLength(text, 1, 3)).toBe(new TextEncoder().encode(text.slice(1, 3)).length);
  });
});
