// Reading and writing a widget's prefixed keys in the query string.
import { describe, expect, it } from 'vitest';
import { hasPrefixedKeys, PrefixedReader, withPrefixedEntries } from '@/app/_platform/url/url-state';

describe('withPrefixedEntries', () => {
  it("replaces only the widget's own keys and keeps every other key", () => {
    const search = '?rows=500&schedule.frequency=Day&schedule.blob=a&schedule.blob=b&compare.node_count=3';
    const next = new URLSearchParams(withPrefixedEntries(search, 'schedule.', [['frequency', 'Week'], ['blob', 'c']]));
    expect(next.get('rows')).toBe('500');
    expect(next.get('compare.node_count')).toBe('3');
    expect(next.get('schedule.frequency')).toBe('Week');
    expect(next.getAll('schedule.blob')).toEqual(['c']);
  });

  it('encodes values that need escaping and reads them back unchanged', () => {
    const text = 'incoming/a b&c=d,e.csv';
    const query = withPrefixedEntries('', 'schedule.', [['path_on_datastore', text]]);
    expect(new PrefixedReader(query, 'schedule.').text('path_on_datastore', '')).toBe(text);
    expect(hasPrefixedKeys(query, 'schedule.')).toBe(true);
    expect(hasPrefixedKeys(query, 'compare.')).toBe(false);
  });
});

describe('PrefixedReader', () => {
  it('takes a listed choice, and notes anything else with the allowed values and the default', () => {
    const read = new PrefixedReader('x.kind=event&x.size=L&x.count=7', 'x.');
    expect(read.oneOf('kind', ['datastore', 'event'] as const, 'datastore')).toBe('event');
    expect(read.oneOf('size', ['S', 'M'], 'S')).toBe('S');
    expect(read.oneOf('count', [1, 7, 9], 1)).toBe(7);
    expect(read.oneOf('absent', ['a'], 'a')).toBe('a');
    expect(read.notes).toEqual([{ param: 'x.size', value: 'L', allowed: 'one of S, M', fallback: 'S' }]);
  });

  it('accepts whole numbers inside the range only (and empty where allowed)', () => {
    const read = new PrefixedReader('x.a=5&x.b=0&x.c=2.5&x.d=99&x.e=&x.f=', 'x.');
    expect(read.wholeText('a', 1, 10, '1')).toBe('5');
    expect(read.wholeText('b', 1, 10, '1')).toBe('1');
    expect(read.wholeText('c', 1, 10, '1')).toBe('1');
    expect(read.wholeText('d', 1, 10, '1')).toBe('1');
    expect(read.wholeText('e', 1, 10, '5', true)).toBe('');
    expect(read.wholeText('f', 1, 10, '5')).toBe('5');
    expect(read.notes.map((n) => n.param)).toEqual(['x.b', 'x.c', 'x.d', 'x.f']);
    expect(read.notes[0]!.allowed).toBe('a whole number from 1 to 10');
  });

  it('keeps free text as typed but refuses text no field would hold', () => {
    const long = 'a'.repeat(30);
    const read = new PrefixedReader(new URLSearchParams({ 'x.ok': ' 6, seven ', 'x.long': long, 'x.nl': 'a\nb' }).toString(), 'x.');
    expect(read.text('ok', '')).toBe(' 6, seven ');
    expect(read.text('long', 'dflt', 20)).toBe('dflt');
    expect(read.text('nl', '')).toBe('');
    expect(read.notes.map((n) => [n.param, n.allowed])).toEqual([
      ['x.long', 'text of at most 20 characters on one line'],
      ['x.nl', 'text of at most 200 characters on one line'],
    ]);
  });

  it('reads flags and subsets, refusing a list with an unknown member as a whole', () => {
    const read = new PrefixedReader('x.on=1&x.off=false&x.bad=yes&x.days=Friday,Monday&x.odd=Monday,Funday', 'x.');
    expect(read.flag('on', false)).toBe(true);
    expect(read.flag('off', true)).toBe(false);
    expect(read.flag('bad', false)).toBe(false);
    const days = ['Monday', 'Tuesday', 'Friday'] as const;
    expect(read.subset('days', days, [])).toEqual(['Monday', 'Friday']);
    expect(read.subset('odd', days, ['Tuesday'])).toEqual(['Tuesday']);
    expect(read.notes.map((n) => n.param)).toEqual(['x.bad', 'x.odd']);
  });
});
