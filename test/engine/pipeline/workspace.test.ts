// The default workspace, its registry and datastore helpers, and that the
// schedule module's triggers accept it as it is.
import { describe, expect, it } from 'vitest';
import {
  createWorkspace,
  creditRiskRowsToCsv,
  generateCreditRiskRows,
  listBlobs,
  parseDatastoreRef,
  registerModelVersion,
  resolveModelVersion,
  runPipeline,
  simulateTriggers,
  syncClock,
  updateDatastoreBlob,
  VM_SIZES,
} from '@/engine/index';
import { pipelineOf, py } from './helpers';

describe('createWorkspace', () => {
  const ws = createWorkspace({ sampleRows: 50 });

  it('has the clusters, stores, models and environments the chapter needs', () => {
    expect(Object.keys(ws.computes)).toEqual(['cpu-cluster', 'gpu-cluster', 'lowpri-cluster']);
    expect(VM_SIZES[ws.computes['cpu-cluster']!.vm_size]!.gpu).toBe(false);
    expect(VM_SIZES[ws.computes['gpu-cluster']!.vm_size]!.gpu).toBe(true);
    expect(ws.computes['cpu-cluster']!.max_nodes).toBe(4);
    expect(ws.computes['lowpri-cluster']!.tier).toBe('low_priority');
    expect(ws.datastores.workspaceblobstore!.type).toBe('AzureBlob');
    expect(ws.datastores.partnerblobstore!.can_read).toBe(false);
    expect(ws.models['credit-risk']!.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(ws.models['credit-risk-dnn']!.versions[0]!.requires_gpu).toBe(true);
    expect(ws.environments['scoring-env']!.packages).toContain('onnxruntime');
    expect(ws.environments['basic-env']!.packages).not.toContain('onnxruntime');
  });

  it('sizes each generated sample blob as the CSV it stands for', () => {
    const blobs = ws.datastores.workspaceblobstore!.blobs;
    expect(listBlobs(ws.datastores.workspaceblobstore!, 'credit-risk/applicants/')).toEqual([
      'credit-risk/applicants/applicants-001.csv',
      'credit-risk/applicants/applicants-002.csv',
    ]);
    const blob = blobs['credit-risk/applicants/applicants-001.csv']!;
    expect(blob.generator).toEqual({ kind: 'credit-risk', rows: 50, seed: 4101 });
    expect(blob.bytes).toBe(creditRiskRowsToCsv(generateCreditRiskRows(50, 4101)).length);
  });

  it('adds or adjusts clusters by name and rejects unknown VM sizes', () => {
    const custom = createWorkspace({ sampleRows: 2, computes: [{ name: 'cpu-cluster', max_nodes: 10 }, { name: 'big', vm_size: 'Standard_F16s_v2' }] });
    expect(custom.computes['cpu-cluster']).toMatchObject({ vm_size: 'Standard_DS3_v2', max_nodes: 10 });
    expect(custom.computes.big).toMatchObject({ vm_size: 'Standard_F16s_v2', max_nodes: 4, tier: 'dedicated' });
    expect(() => createWorkspace({ computes: [{ name: 'x', vm_size: 'Standard_Z9' }] })).toThrow(/not in the catalogue/);
  });
});

describe('model registry', () => {
  it("resolves 'latest', numbers and numeric text; unknown versions and names are undefined", () => {
    const ws = createWorkspace({ sampleRows: 2 });
    expect(resolveModelVersion(ws, 'credit-risk', 'latest')?.version).toBe(2);
    expect(resolveModelVersion(ws, 'credit-risk', 1)?.version).toBe(1);
    expect(resolveModelVersion(ws, 'credit-risk', '1')?.version).toBe(1);
    expect(resolveModelVersion(ws, 'credit-risk', 3)).toBeUndefined();
    expect(resolveModelVersion(ws, 'nope', 'latest')).toBeUndefined();
    registerModelVersion(ws, 'credit-risk', { requires_gpu: false, description: 'retrained' });
    expect(resolveModelVersion(ws, 'credit-risk', 'latest')?.version).toBe(3);
  });
});

describe('datastores', () => {
  it('parses <datastore>/<path> references', () => {
    expect(parseDatastoreRef('workspaceblobstore/credit-risk/applicants/')).toEqual({ datastore: 'workspaceblobstore', path: 'credit-risk/applicants/' });
    expect(parseDatastoreRef('/store')).toEqual({ datastore: 'store', path: '' });
  });

  it('updateDatastoreBlob stamps the virtual clock and sizes the new content in bytes', () => {
    const ws = createWorkspace({ sampleRows: 2 });
    const before = ws.clock;
    // UTF-8 bytes, not characters: ü takes two.
    const blob = updateDatastoreBlob(ws, 'workspaceblobstore', 'incoming/a.csv', 'id,city\nx,Zürich\n');
    expect(blob.bytes).toBe(18);
    expect(blob.modified > before).toBe(true);
    expect(() => updateDatastoreBlob(ws, 'nope', 'a.csv', '')).toThrow(/does not exist/);
    expect(() => updateDatastoreBlob(ws, 'workspaceblobstore', 'folder/', '')).toThrow(/folder/);
  });

  it('a run moves the virtual clock on by its duration', async () => {
    const ws = createWorkspace({ sampleRows: 2 });
    const run = await runPipeline(ws, pipelineOf([py('only', [], [], { seconds: 3600 })]));
    expect(new Date(ws.clock).getTime() - new Date(run.submittedAt).getTime()).toBeGreaterThanOrEqual(run.durationSeconds * 1000);
  });

  it('a run stamped with a caller-supplied submission time keeps it, and the clock only moves forward', async () => {
    const ws = createWorkspace({ sampleRows: 2, clock: '2026-12-07T09:00:00Z' });
    const run = await runPipeline(ws, pipelineOf([py('only', [], [], { seconds: 600 })]), { submittedAt: '2026-12-07T10:15:30.250Z' });
    expect(run.submittedAt).toBe('2026-12-07T10:15:30Z');
    expect(run.durationSeconds).toBeGreaterThanOrEqual(600);
    const end = new Date(Date.parse(run.submittedAt) + Math.ceil(run.durationSeconds + 1) * 1000).toISOString().slice(0, 19) + 'Z';
    expect(ws.clock).toBe(end);
    // Submitted while the virtual clock is still ahead (the previous run's virtual end): the run keeps its real time, the clock stays.
    const next = await runPipeline(ws, pipelineOf([py('only', [], [], { seconds: 60 })]), { submittedAt: '2026-12-07T10:16:00Z', regenerate_outputs: true });
    expect(next.submittedAt).toBe('2026-12-07T10:16:00Z');
    expect(ws.clock).toBe(end);
    await expect(runPipeline(ws, pipelineOf([py('only', [], [])]), { submittedAt: 'yesterday' })).rejects.toThrow(/Not an ISO date-time/);
  });

  it('syncClock moves the clock up to a supplied time, never back', () => {
    const ws = createWorkspace({ sampleRows: 2, clock: '2026-12-07T09:00:00Z' });
    expect(syncClock(ws, '2026-12-07T08:00:00Z')).toBe('2026-12-07T09:00:00Z');
    expect(syncClock(ws, '2026-12-07T11:30:00.999Z')).toBe('2026-12-07T11:30:00Z');
    expect(updateDatastoreBlob(ws, 'workspaceblobstore', 'incoming/a.csv', 'id\n1\n').modified).toBe('2026-12-07T11:30:01Z');
  });
});

describe('with the schedule module', () => {
  it('simulateTriggers accepts the workspace; a polled blob can feed the pipeline input', async () => {
    const ws = createWorkspace({ sampleRows: 2 });
    const fired = simulateTriggers(
      ws,
      { kind: 'datastore', datastore: 'workspaceblobstore', path_on_datastore: 'incoming', data_path_parameter_name: 'input_path' },
      { from: '2025-03-03T09:00:00Z', to: '2025-03-03T10:00:00Z', arrivals: [{ time: '2025-03-03T09:02:00Z', path: 'incoming/day1.csv' }] },
    );
    expect(fired).toEqual([{ time: '2025-03-03T09:05:00Z', reason: 'blob_arrived', parameters: { input_path: 'incoming/day1.csv' }, blobs: ['incoming/day1.csv'] }]);
    updateDatastoreBlob(ws, 'workspaceblobstore', 'incoming/day1.csv', creditRiskRowsToCsv(generateCreditRiskRows(20, 5)));
    const pipeline = pipelineOf([{ name: 'ingest', type: 'python_script', script: 'ingest.py', inputs: ['{input_path}'], outputs: ['raw_data'] }], {
      parameters: { input_path: { default: 'workspaceblobstore/credit-risk/applicants/' } },
    });
    const run = await runPipeline(ws, pipeline, { parameters: { input_path: `workspaceblobstore/${fired[0]!.parameters!.input_path}` } });
    expect(run.steps[0]!.outputs.raw_data!.rows).toBe(20);
  });
});
