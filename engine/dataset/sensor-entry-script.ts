// The FileDataset entry script: reads each sensor log, summarises the valid
// ones and leaves unreadable files out of its return value, so the engine
// counts them as failed items exactly as ParallelRunStep would.
import type { DataItem, EntryScriptFactory } from '../types';
import { parseNumericCell } from './csv';
import { SENSOR_HEADER } from './sensor-files';

export interface SensorSummary {
  file: string;
  readings: number;
  mean_temperature_c: number;
  max_vibration_mm_s: number;
  /** 'alert' when vibration went past VIBRATION_ALERT_MM_S. */
  status: 'ok' | 'alert';
}

/** Vibration severity above which a machine needs attention (ISO 10816-style zone boundary). */
export const VIBRATION_ALERT_MM_S = 7.1;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const RANGES: [number, number][] = [
  [-40, 150],
  [0, 100],
  [0, 50],
];

export type SensorParseResult = { ok: true; summary: SensorSummary } | { ok: false; reason: string };

/** Validates one log and summarises it; the reason names the first problem found. */
export function parseSensorFile(name: string, content: string): SensorParseResult {
  const lines = content.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines.at(-1) === '') lines.pop();
  if (lines[0] !== SENSOR_HEADER) return { ok: false, reason: 'missing or unexpected header' };
  if (lines.length < 2) return { ok: false, reason: 'no readings' };
  let tempSum = 0;
  let maxVib = 0;
  for (let k = 1; k < lines.length; k++) {
    const cells = lines[k]!.split(',');
    if (cells.length !== 4 || !TIMESTAMP.test(cells[0]!)) return { ok: false, reason: `line ${k + 1} is malformed` };
    const values = cells.slice(1).map((c) => parseNumericCell(c) ?? NaN);
    const bad = values.findIndex((v, c) => !(v >= RANGES[c]![0] && v <= RANGES[c]![1]));
    if (bad !== -1) return { ok: false, reason: `line ${k + 1}: unusable ${cells[bad + 1] === '' ? 'empty' : `"${cells[bad + 1]}"`} value` };
    tempSum += values[0]!;
    maxVib = Math.max(maxVib, values[2]!);
  }
  const readings = lines.length - 1;
  return {
    ok: true,
    summary: {
      file: name,
      readings,
      mean_temperature_c: Math.round((tempSum / readings) * 100) / 100,
      max_vibration_mm_s: maxVib,
      status: maxVib > VIBRATION_ALERT_MM_S ? 'alert' : 'ok',
    },
  };
}

export function createSensorEntryScript(): EntryScriptFactory {
  return () => ({
    run(items: DataItem[], ctx) {
      const results: SensorSummary[] = [];
      for (const item of items) {
        const parsed = typeof item.value === 'string' ? parseSensorFile(item.id, item.value) : null;
        if (parsed?.ok) results.push(parsed.summary);
        else ctx.log(`skipped ${item.id}: ${parsed ? parsed.reason : 'file content is not text'}`);
      }
      return results;
    },
  });
}
