// A FileDataset of small machine-sensor logs, shipped as one JSON bundle of
// {name, content} so a browser fetches a single file. Some machines develop a
// vibration fault; a few files are broken the ways real exports break.
import { createRandom, type Random } from '../random';
import type { Dataset } from '../types';
import { utf8ByteLength } from './csv';

export interface SensorFile {
  name: string;
  content: string;
}

export interface SensorFileOptions {
  /** Share of files that are deliberately unreadable (default 0.08). */
  corruptShare?: number;
}

export const SENSOR_COLUMNS = ['timestamp', 'temperature_c', 'humidity_pct', 'vibration_mm_s'] as const;
export const SENSOR_HEADER = SENSOR_COLUMNS.join(',');

/** Fixed virtual start of the logs (1 March 2026, UTC); never the wall clock. */
const LOG_START_MS = Date.UTC(2026, 2, 1);
const INTERVAL_MS = 5 * 60 * 1000;

function readingLines(rng: Random, index: number): string[] {
  const readings = rng.int(24, 48);
  const baseTemp = 38 + 6 * rng.normal();
  const humidity = 35 + 25 * rng.next();
  // About one machine in eight starts shaking harder partway through its log.
  const faultAt = rng.next() < 0.12 ? rng.int(4, readings - 1) : Infinity;
  const start = LOG_START_MS + index * 3 * 60 * 60 * 1000;
  const lines: string[] = [];
  for (let k = 0; k < readings; k++) {
    const timestamp = new Date(start + k * INTERVAL_MS).toISOString().replace('.000Z', 'Z');
    const extra = k >= faultAt ? 1.1 * (k - faultAt + 1) : 0;
    const temp = baseTemp + 0.05 * k + 0.6 * rng.normal() + 0.8 * extra;
    const hum = Math.min(100, Math.max(0, humidity + 2 * rng.normal()));
    const vib = Math.max(0.1, 2.2 + 0.5 * rng.normal() + extra);
    lines.push(`${timestamp},${temp.toFixed(1)},${hum.toFixed(1)},${vib.toFixed(2)}`);
  }
  return lines;
}

/** Ways a file gets broken; each leaves something a parser must reject. */
const CORRUPTIONS: ((lines: string[], rng: Random) => string)[] = [
  () => '',
  (lines) => lines.slice(1).join('\n') + '\n', // header lost
  (lines) => {
    const text = lines.join('\n');
    return text.slice(0, text.length - 9); // cut off mid-row
  },
  (lines, rng) => {
    const k = rng.int(1, lines.length - 1);
    const bad = ['ERR', '', 'NaN', '-999.0', 'sensor offline'][rng.int(0, 4)]!;
    lines[k] = lines[k]!.replace(/,[^,]*$/, `,${bad}`);
    return lines.join('\n') + '\n';
  },
  () => 'PK\u0003\u0004\u0014\u0000\u0006\u0000\u0008\u0000\u0000\u0000!\u0000\u00ef\u00bf\u00bd\u0000\u0000',
];

/** `count` files named sensor-001.csv, sensor-002.csv, … Deterministic for a seed. */
export function generateSensorFiles(count: number, seed: number, options: SensorFileOptions = {}): SensorFile[] {
  const rng = createRandom(seed);
  const corruptRng = rng.fork('corruption');
  const corruptShare = options.corruptShare ?? 0.08;
  const width = Math.max(3, String(count).length);
  const files: SensorFile[] = [];
  for (let i = 0; i < count; i++) {
    const lines = [SENSOR_HEADER, ...readingLines(rng, i)];
    const corrupt = corruptRng.next() < corruptShare;
    const content = corrupt
      ? CORRUPTIONS[corruptRng.int(0, CORRUPTIONS.length - 1)]!(lines, corruptRng)
      : lines.join('\n') + '\n';
    files.push({ name: `sensor-${String(i + 1).padStart(width, '0')}.csv`, content });
  }
  return files;
}

/** The bundle as a FileDataset: one item per file, value = its text, bytes = its UTF-8 size. */
export function fileDatasetFromBundle(bundle: unknown): Dataset {
  if (!Array.isArray(bundle)) throw new Error('sensor bundle must be an array of {name, content}');
  const items = bundle.map((entry: unknown, i) => {
    const file = entry as Partial<SensorFile> | null;
    if (typeof file?.name !== 'string' || typeof file.content !== 'string') {
      throw new Error(`sensor bundle entry ${i} needs a string name and content`);
    }
    return { id: file.name, bytes: utf8ByteLength(file.content), value: file.content };
  });
  return { kind: 'file', items };
}
