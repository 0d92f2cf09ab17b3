// Runs every benchmark in scripts/bench/ in its own process (so peak-memory
// figures do not mix) and passes through their `BENCH <name> <value> <unit>` lines.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const dir = join(import.meta.dirname, 'bench');
const only = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
let failed = 0;
for (const file of files) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(dir, file)], { stdio: 'inherit' });
  if (res.status !== 0) {
    console.error(`bench ${file} failed with exit code ${res.status}`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
