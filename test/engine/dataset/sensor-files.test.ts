import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunContext } from '../../../engine/types';
import {
  createSensorEntryScript,
  fileDatasetFromBundle,
  generateSensorFiles,
  parseSensorFile,
  SENSOR_HEADER,
  type SensorSummary,
} from '../../../engine/dataset/index';

const bundlePath = join(import.meta.dirname, '../../../public/data/sensor-files.json');

function fakeContext(logs: string[]): RunContext {
  const machine = { vmSize: 'Standard_DS3_v2', gpu: false, cores: 4, memoryGiB: 14 };
  const ctx = { ...machine, node: 0, process: 0, attempt: 1, miniBatchId: 0, spend: () => {}, log: (m: string) => void logs.push(m) };
  return ctx;
}

describe('sensor bundle', () => {
  const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as unknown;
  const ds = fileDatasetFromBundle(bundle);

  it('is the committed output of the seeded generator', () => {
    expect(bundle).toEqual(generateSensorFiles(300, 9502));
  });

  it('becomes a file dataset with one item per file, sized in UTF-8 bytes', () => {
    expect(ds.kind).toBe('file');
    expect(ds.items.length).toBe(300);
    expect(new Set(ds.items.map((i) => i.id)).size).toBe(300);
    for (const item of ds.items) expect(item.bytes).toBe(Buffer.byteLength(item.value as string));
  });

  it('rejects bundles of the wrong shape', () => {
    expect(() => fileDatasetFromBundle({})).toThrow(/array/);
    expect(() => fileDatasetFromBundle([{ name: 'a' }])).toThrow(/entry 0/);
  });

  it('holds some corrupted files and some machines in alert', () => {
    const results = ds.items.map((i) => parseSensorFile(i.id, i.value as string));
    const bad = results.filter((r) => !r.ok).length;
    expect(bad).toBeGreaterThan(5);
    expect(bad).toBeLessThan(60);
    const alerts = results.filter((r) => r.ok && r.summary.status === 'alert').length;
    expect(alerts).toBeGreaterThan(5);
  });
});

describe('parseSensorFile', () => {
  const good = `${SENSOR_HEADER}\n2026-03-01T00:00:00Z,40.0,50.0,2.00\n2026-03-01T00:05:00Z,42.0,51.0,8.50\n`;

  it('summarises a valid log', () => {
    expect(parseSensorFile('m.csv', good)).toEqual({
      ok: true,
      summary: { file: 'm.csv', readings: 2, mean_temperature_c: 41, max_vibration_mm_s: 8.5, status: 'alert' },
    });
  });

  it.each([
    ['empty', ''],
    ['no header', good.split('\n').slice(1).join('\n')],
    ['header only', `${SENSOR_HEADER}\n`],
    ['garbage value', good.replace('8.50', 'ERR')],
    ['out of range', good.replace('50.0', '150.0')],
    ['short row', good.replace(',51.0,8.50', ',51.0')],
    ['bad timestamp', good.replace('2026-03-01T00:05:00Z', 'yesterday')],
    ['binary', 'PK\u0003\u0004\u0000'],
  ])('rejects %s', (_, content) => {
    expect(parseSensorFile('x', content).ok).toBe(false);
  });
});

describe('createSensorEntryScript', () => {
  it('returns one summary per valid file, omits corrupted ones and logs why', async () => {
    const files = generateSensorFiles(40, 4, { corruptShare: 0.3 });
    const items = fileDatasetFromBundle(files).items;
    const logs: string[] = [];
    const script = createSensorEntryScript()();
    const out = (await script.run(items, fakeContext(logs))) as SensorSummary[];
    const validNames = files.filter((f) => parseSensorFile(f.name, f.content).ok).map((f) => f.name);
    expect(validNames.length).toBeLessThan(40);
    expect(out.map((r) => r.file)).toEqual(validNames);
    expect(logs.length).toBe(40 - validNames.length);
    expect(logs[0]).toMatch(/^skipped sensor-\d+\.csv: /);
  });
});
