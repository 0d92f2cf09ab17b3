import { describe, expect, it } from 'vitest';
import { resolveLabLink } from '@/app/_features/lab/model/link';
import { PRESETS_BY_ID } from '@/app/_features/lab/model/presets';
import { decodeLabState } from '@/app/_features/lab/model/url';
import { findLogLine, labLinkHref, readWatch, safeBackPath, type LabLink } from '@/app/_features/lab/model/watch';

describe('resolveLabLink', () => {
  it('starts from the preset and applies the keys the link names', () => {
    const { resolved, problems } = resolveLabLink('preset=image-scoring&error_threshold=-1');
    expect(problems).toEqual([]);
    expect(resolved.preset).toBe('image-scoring');
    expect(resolved.settings).toEqual({ ...PRESETS_BY_ID.get('image-scoring')!.settings, error_threshold: '-1' });
  });

  it('without a preset starts from the lab defaults', () => {
    const { resolved, problems } = resolveLabLink('node_count=8');
    expect(problems).toEqual([]);
    expect(resolved.settings.node_count).toBe('8');
    expect(resolved.settings.rows).toBe(100_000);
  });

  it('opens a v2 dialect from its own defaults, and refuses a v1 preset in another dialect', () => {
    const { resolved, problems } = resolveLabLink('sdk=v2-batch-deployment&rows=20000');
    expect(problems).toEqual([]);
    expect(resolved.settings).toMatchObject({ sdk: 'v2-batch-deployment', rows: 20000, mini_batch_size: '', node_count: '2' });
    expect(resolveLabLink('preset=image-scoring&sdk=v2-parallel').problems).toEqual([{ field: 'sdk', message: 'the presets are ParallelRunStep (v1) cases; "v2-parallel" cannot be combined with preset=image-scoring' }]);
    expect(resolveLabLink('sdk=v3').problems[0]?.message).toMatch(/"v3" is not an SDK dialect; allowed: v1, v2-parallel, v2-batch-deployment/);
  });

  it('names each problem with the field, the value and what is allowed', () => {
    const { problems } = resolveLabLink('node_count=0&rows=5000000&colour=red&preset=nope&low_priority=yes&dataset=images');
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    expect(byField.colour).toMatch(/"colour" is not a lab setting; allowed: sdk, dataset, rows/);
    expect(byField.preset).toBe('"nope" is not a lab preset');
    expect(byField.rows).toBe('5000000 is not a value the lab keeps (it would become 1000000)');
    expect(byField.low_priority).toMatch(/"yes" is not allowed; use 0 or 1/);
    expect(byField.dataset).toMatch(/"images" is not a dataset kind/);
    expect(byField.node_count).toMatch(/node_count.*\(value "0"\)$/);
  });
});

describe('the link in the lab address', () => {
  const link: LabLink = { state: 'node_count=8&rows=20000', watch: 'Watch the duration fall.', show: 'log', log: { file: 'logs/job_result.txt', find: 'Reason' }, expect: { status: 'Completed' } };

  it('keeps the lab state and carries the sentence, the target, the log line and the way back', () => {
    const href = labLinkHref(link, '/chapters/x/quiz?review=2026-12-07T10%3A00%3A00.000Z#review-q1');
    expect(href.startsWith('/lab?')).toBe(true);
    const search = href.slice('/lab'.length);
    expect(decodeLabState(search)?.settings.node_count).toBe('8');
    expect(readWatch(search)).toEqual({ sentence: 'Watch the duration fall.', show: 'log', log: { file: 'logs/job_result.txt', find: 'Reason' }, back: '/chapters/x/quiz?review=2026-12-07T10%3A00%3A00.000Z#review-q1' });
  });

  it('goes back only to this site’s chapters, drills or progress page', () => {
    for (const bad of ['//evil.example/x', 'https://evil.example', '/\\evil', '/lab?x=1', 'chapters/x', null]) expect(safeBackPath(bad)).toBeNull();
    for (const good of ['/drills?scenario=d01&given=batch', '/progress', '/chapters/095-x/quiz#q-q07-prompt']) expect(safeBackPath(good)).toBe(good);
    expect(readWatch(labLinkHref(link, '//evil.example').slice(4))?.back).toBeNull();
  });

  it('ignores an address without a sentence or with an unknown target', () => {
    expect(readWatch('?node_count=2')).toBeNull();
    expect(readWatch('?watch=x&show=everything')).toBeNull();
  });

  it('finds the marked log line whatever its case', () => {
    expect(findLogLine(['a', 'Job failed: ERROR_THRESHOLD exceeded', 'b'], 'error_threshold')).toBe(1);
    expect(findLogLine(['a'], 'zzz')).toBe(-1);
  });
});
