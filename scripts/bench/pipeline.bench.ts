// Real (wall-clock) cost of the pipeline layer: the chapter pipeline on the
// default 2,000 sample rows and on 100,000, a fully reused run, and scheduler
// overhead on a 200-step chain of stand-in steps.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chapterPipeline, createWorkspace, runPipeline, type Pipeline } from '../../engine/index';

const modelBytes = new Uint8Array(readFileSync(join(import.meta.dirname, '../../public/models/credit-risk.onnx')));

async function timed(label: string, task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  const ms = performance.now() - started;
  console.log(`BENCH ${label} ${ms.toFixed(1)} ms`);
  return ms;
}

const small = createWorkspace({ modelBytes });
await runPipeline(small, chapterPipeline()); // warm-up: loads onnxruntime and the shared session
await timed('pipeline_chapter_2k_rows', () => runPipeline(small, chapterPipeline(), { regenerate_outputs: true }));
await timed('pipeline_chapter_reused', () => runPipeline(small, chapterPipeline()));

const large = createWorkspace({ modelBytes, sampleRows: 50_000 });
await timed('pipeline_chapter_100k_rows', () => runPipeline(large, chapterPipeline(), { parameters: { mini_batch_size: '1MB', node_count: 4 } }));

const chain: Pipeline = {
  name: 'chain',
  default_compute: 'cpu-cluster',
  steps: Array.from({ length: 200 }, (_, i) => ({
    name: `step-${i}`,
    type: 'python_script' as const,
    inputs: i === 0 ? [] : [`out-${i - 1}`],
    outputs: [`out-${i}`],
    arguments: { duration_seconds: 10 },
  })),
};
await timed('pipeline_chain_200_steps', () => runPipeline(createWorkspace({ sampleRows: 2 }), chain));
