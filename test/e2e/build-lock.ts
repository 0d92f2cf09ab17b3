// Several developers' test runs on one machine share .next: a second `next build`
// while another run's server is serving from it breaks both. This lock makes
// browser-test runs take turns (mkdir is atomic; a dead holder's lock is taken over).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function holderAlive(dir: string): boolean {
  try {
    const pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function acquireBuildLock(root: string, timeoutMs = 20 * 60_000): Promise<() => void> {
  const dir = join(root, '.e2e-lock');
  const started = performance.now();
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      return () => rmSync(dir, { recursive: true, force: true });
    } catch {
      if (!holderAlive(dir)) {
        rmSync(dir, { recursive: true, force: true });
        continue;
      }
      if (performance.now() - started > timeoutMs) throw new Error(`waited too long for ${dir}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
