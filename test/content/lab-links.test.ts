// Every "see it in the lab" link must show what its sentence claims: each
// link's run goes through the lab's own worker code in Node (real ONNX
// scoring), and its claim is compared with the view the lab would draw.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDrills, loadQuiz } from '@/app/_content/assessments';
import { claimMismatches } from '@/app/_features/lab/model/link-claims';
import { resolveLabLink } from '@/app/_features/lab/model/link';
import { PRESETS_BY_ID } from '@/app/_features/lab/model/presets';
import type { LabView, SweepKind } from '@/app/_features/lab/model/protocol';
import { decodeLabState, encodeLabState } from '@/app/_features/lab/model/url';
import type { LabLink } from '@/app/_features/lab/model/watch';
import { sharedSessionOrt } from '@/app/_features/lab/worker/entry-scripts';
import { LabRunner, type RunHooks } from '@/app/_features/lab/worker/lab-runner';
import { loadOrt } from '@/engine/index';

const root = join(import.meta.dirname, '..', '..');
const SLUG = '095-azure-ml-pipelines-batch-inference';
const everySection = { includes: () => true } as unknown as readonly string[];
const quiz = loadQuiz(SLUG, everySection);
const drills = loadDrills();
const runner = new LabRunner({
  loadModel: async () => new Uint8Array(readFileSync(join(root, 'public/models/credit-risk.onnx'))),
  loadSensorBundle: async () => JSON.parse(readFileSync(join(root, 'public/data/sensor-files.json'), 'utf8')),
  ort: sharedSessionOrt(() => loadOrt()),
});
const hooks: RunHooks = { progress: () => {}, isStale: () => false, yieldNow: async () => {} };

const SWEEPS: Partial<Record<LabLink['show'], SweepKind>> = { 'node_count-sweep': 'node_count', 'mini_batch_size-sweep': 'mini_batch_size' };

// Several links share a run; each state is simulated once.
const views = new Map<string, Promise<LabView>>();

async function mismatches(link: LabLink): Promise<string[]> {
  const decoded = decodeLabState(link.state);
  if (!decoded) return ['the state has no lab keys'];
  const scenario = decoded.preset ? (PRESETS_BY_ID.get(decoded.preset)?.scenario ?? {}) : {};
  if (!views.has(link.state)) views.set(link.state, runner.run(decoded.settings, scenario, hooks).then((r) => r.view));
  const view = await (views.get(link.state) as Promise<LabView>);
  const kind = SWEEPS[link.show];
  const sweep = kind && link.expect.sweep ? await runner.sweep(kind, decoded.settings, scenario, hooks) : undefined;
  return claimMismatches(link, sweep ? { view, sweep } : { view });
}

const linked = [
  ...(quiz?.questions ?? []).flatMap((q) => (q.lab ? [{ id: `question ${q.id}`, link: q.lab }] : [])),
  ...drills.scenarios.flatMap((s) => (s.lab ? [{ id: `drill ${s.id}`, link: s.lab }] : [])),
];

describe('lab links in the content', () => {
  it('at least 30 of chapter 95’s questions and 15 drills carry one', () => {
    expect(quiz?.questions.filter((q) => q.lab).length).toBeGreaterThanOrEqual(30);
    expect(drills.scenarios.filter((s) => s.lab).length).toBeGreaterThanOrEqual(15);
  });

  it('a claim the run does not show is reported, field by field', async () => {
    const { resolved } = resolveLabLink('preset=missing-package');
    const wrong: LabLink = { state: encodeLabState(resolved), watch: 'x', show: 'log', log: { file: 'logs/job_result.txt', find: 'no such line' }, expect: { status: 'Completed', failure: 'error_threshold', log: true } };
    const problems = await mismatches(wrong);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe('status: the link claims "Completed", the run shows "Failed"');
    expect(problems[2]).toMatch(/^log: the link claims true, the run shows "nothing of the kind"/);
  }, 60_000);

  it.each(linked)('$id: the run shows what the link claims', async ({ link }) => {
    expect(await mismatches(link)).toEqual([]);
  }, 60_000);
});
