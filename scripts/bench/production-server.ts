// The production app for the browser benches: the server named by `urlVariable`
// when set, else the browser tests' own setup (builds when stale, then
// `next start` on a free port, holding the build lock).
import setup from '../../test/e2e/global-setup';

export async function startProductionServer(urlVariable: string): Promise<{ url: string; stop: () => void }> {
  const given = process.env[urlVariable];
  if (given) return { url: given, stop: () => {} };
  const provided: Record<string, unknown> = {};
  const teardown = await setup({ provide: (key: string, value: unknown) => (provided[key] = value) } as unknown as Parameters<typeof setup>[0]);
  return { url: String(provided.baseUrl), stop: () => teardown?.() };
}
