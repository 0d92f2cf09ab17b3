// Data triggers: v1 datastore polling versus an Event Grid style trigger, and a
// recurrence schedule for contrast. All windows start at 10:00Z.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLLING_INTERVAL, ScheduleValidationError, simulateTriggers, validateSchedule,
  type BlobArrival, type Schedule, type TriggerWorkspace,
} from '@/engine/schedule/index';

const workspace: TriggerWorkspace = {
  datastores: { workspaceblobstore: { type: 'AzureBlob' }, sharedfiles: { type: 'AzureFile' } },
};
const window = { from: '2024-05-01T10:00:00Z', to: '2024-05-01T11:00:00Z' };
const at = (mmss: string, path: string): BlobArrival => ({ time: `2024-05-01T10:${mmss}Z`, path });
const polling: Schedule = { kind: 'datastore', datastore: 'workspaceblobstore', path_on_datastore: 'incoming' };
const simulate = (schedule: Schedule, arrivals: BlobArrival[], range = window) => simulateTriggers(workspace, schedule, { ...range, arrivals });

describe('datastore polling schedule', () => {
  it('polls every 5 minutes by default: a blob fires one run at the next poll', () => {
    expect(DEFAULT_POLLING_INTERVAL).toBe(5);
    expect(simulate(polling, [at('01:30', 'incoming/a.csv')])).toEqual([
      { time: '2024-05-01T10:05:00Z', reason: 'blob_arrived', blobs: ['incoming/a.csv'] },
    ]);
  });

  it('a blob landing exactly on a poll is seen by that poll; one second later waits for the next', () => {
    expect(simulate(polling, [at('05:00', 'incoming/a.csv')]).map((r) => r.time)).toEqual(['2024-05-01T10:05:00Z']);
    expect(simulate(polling, [at('05:01', 'incoming/a.csv')]).map((r) => r.time)).toEqual(['2024-05-01T10:10:00Z']);
  });

  it('several blobs between two polls give a single run listing all of them', () => {
    const runs = simulate(polling, [at('07:00', 'incoming/c.csv'), at('01:00', 'incoming/a.csv'), at('03:00', 'incoming/b.csv')]);
    expect(runs).toEqual([
      { time: '2024-05-01T10:05:00Z', reason: 'blob_arrived', blobs: ['incoming/a.csv', 'incoming/b.csv'] },
      { time: '2024-05-01T10:10:00Z', reason: 'blob_arrived', blobs: ['incoming/c.csv'] },
    ]);
  });

  it('polling_interval sets the poll grid, counted from `from`', () => {
    const every15: Schedule = { ...polling, polling_interval: 15 };
    expect(simulate(every15, [at('16:00', 'incoming/a.csv')]).map((r) => r.time)).toEqual(['2024-05-01T10:30:00Z']);
  });

  it('ignores blobs in sub-folders and outside the watched folder', () => {
    const arrivals = [at('01:00', 'incoming/2024/05/a.csv'), at('02:00', 'other/b.csv'), at('03:00', 'c.csv')];
    expect(simulate(polling, arrivals)).toEqual([]);
    expect(simulate(polling, [...arrivals, at('04:00', 'incoming/d.csv')]).flatMap((r) => r.blobs)).toEqual(['incoming/d.csv']);
  });

  it('without path_on_datastore watches the container root only', () => {
    const root: Schedule = { kind: 'datastore', datastore: 'workspaceblobstore' };
    expect(simulate(root, [at('01:00', 'incoming/a.csv'), at('02:00', 'b.csv')]).flatMap((r) => r.blobs)).toEqual(['b.csv']);
  });

  it('leading and trailing slashes in paths do not matter', () => {
    const slashed: Schedule = { ...polling, path_on_datastore: '/incoming/' };
    expect(simulate(slashed, [at('01:00', '/incoming/a.csv')]).flatMap((r) => r.blobs)).toEqual(['incoming/a.csv']);
  });

  it('passes the changed path through data_path_parameter_name, merged with pipeline_parameters', () => {
    const withParam: Schedule = { ...polling, data_path_parameter_name: 'input_path', pipeline_parameters: { model_version: '3' } };
    const runs = simulate(withParam, [at('01:00', 'incoming/a.csv'), at('02:00', 'incoming/b.csv'), at('06:00', 'incoming/c.csv')]);
    expect(runs.map((r) => r.parameters)).toEqual([
      { model_version: '3', input_path: 'incoming/a.csv' },
      { model_version: '3', input_path: 'incoming/c.csv' },
    ]);
  });

  it('only counts blobs that arrive after `from`, and only polls up to `to`', () => {
    const arrivals = [at('00:00', 'incoming/baseline.csv'), { time: '2024-05-01T09:59:00Z', path: 'incoming/old.csv' }, at('56:00', 'incoming/late.csv')];
    expect(simulate(polling, arrivals, { from: window.from, to: '2024-05-01T10:59:59Z' })).toEqual([]);
    // `to` is inclusive: the 11:00 poll is inside the window.
    expect(simulate(polling, arrivals).map((r) => r.blobs)).toEqual([['incoming/late.csv']]);
  });
});

describe('event trigger (Event Grid comparison)', () => {
  const event: Schedule = { kind: 'event', datastore: 'workspaceblobstore', path_on_datastore: 'incoming', data_path_parameter_name: 'input_path' };

  it('fires one run per blob at the moment it arrives, sub-folders included', () => {
    const runs = simulate(event, [at('03:00', 'incoming/b.csv'), at('01:00', 'incoming/2024/a.csv'), at('02:00', 'other/x.csv')]);
    expect(runs).toEqual([
      { time: '2024-05-01T10:01:00Z', reason: 'event', parameters: { input_path: 'incoming/2024/a.csv' }, blobs: ['incoming/2024/a.csv'] },
      { time: '2024-05-01T10:03:00Z', reason: 'event', parameters: { input_path: 'incoming/b.csv' }, blobs: ['incoming/b.csv'] },
    ]);
  });

  it('reacts sooner than polling to the same arrivals', () => {
    const arrivals = [at('01:00', 'incoming/a.csv'), at('02:00', 'incoming/b.csv')];
    const pollRuns = simulate(polling, arrivals);
    const eventRuns = simulate(event, arrivals);
    expect(eventRuns).toHaveLength(2);
    expect(pollRuns).toHaveLength(1);
    expect(eventRuns[0]!.time < pollRuns[0]!.time).toBe(true);
  });
});

describe('recurrence schedule', () => {
  it('runs on its clock inside [from, to] and ignores arrivals', () => {
    const hourly: Schedule = {
      kind: 'recurrence', pipeline_parameters: { mode: 'nightly' },
      recurrence: { frequency: 'Minute', interval: 20, start_time: '2024-05-01T09:50:00' },
    };
    expect(simulate(hourly, [at('01:00', 'incoming/a.csv')])).toEqual(
      ['10:10', '10:30', '10:50'].map((hhmm) => ({ time: `2024-05-01T${hhmm}:00Z`, reason: 'recurrence', parameters: { mode: 'nightly' } })),
    );
  });
});

describe('schedule validation', () => {
  const fieldsOf = (schedule: unknown, ws: unknown = workspace) => validateSchedule(ws, schedule).map((p) => p.field);

  it('accepts each valid kind', () => {
    expect(fieldsOf(polling)).toEqual([]);
    expect(fieldsOf({ kind: 'event', datastore: 'workspaceblobstore' })).toEqual([]);
    expect(fieldsOf({ kind: 'recurrence', recurrence: { frequency: 'Day', interval: 1 } })).toEqual([]);
  });

  it('the datastore must exist and be AzureBlob', () => {
    const missing = validateSchedule(workspace, { kind: 'datastore', datastore: 'nope' });
    expect(missing).toEqual([{ field: 'datastore', message: expect.stringContaining('"nope" is not registered') }]);
    expect(missing[0]!.message).toContain('workspaceblobstore');
    const fileShare = validateSchedule(workspace, { kind: 'event', datastore: 'sharedfiles' });
    expect(fileShare[0]!.message).toContain('"AzureFile"; data triggers only watch AzureBlob');
    expect(fieldsOf({ kind: 'datastore' })).toEqual(['datastore']);
    expect(fieldsOf(polling, {})).toEqual(['workspace.datastores']);
    // Inherited names are not datastores.
    expect(fieldsOf({ kind: 'datastore', datastore: 'toString' })).toEqual(['datastore']);
  });

  it.each([[0], [-5], [2.5], ['5']])('polling_interval %j is rejected', (polling_interval) => {
    const problems = validateSchedule(workspace, { ...polling, polling_interval });
    expect(problems.map((p) => p.field)).toEqual(['polling_interval']);
    expect(problems[0]!.message).toContain('1 or more');
  });

  it('recurrence and datastore fields cannot be mixed', () => {
    expect(fieldsOf({ ...polling, recurrence: { frequency: 'Day', interval: 1 } })).toEqual(['recurrence']);
    const recurrence = { kind: 'recurrence', recurrence: { frequency: 'Day', interval: 1 } };
    expect(fieldsOf({ ...recurrence, datastore: 'workspaceblobstore', data_path_parameter_name: 'p', path_on_datastore: 'x' })).toEqual([
      'datastore', 'data_path_parameter_name', 'path_on_datastore',
    ]);
    const pollOnEvent = validateSchedule(workspace, { kind: 'event', datastore: 'workspaceblobstore', polling_interval: 5 });
    expect(pollOnEvent[0]).toMatchObject({ field: 'polling_interval', message: expect.stringContaining('only datastore schedules poll') });
  });

  it('names bad kinds, paths, parameter names and inner recurrence fields', () => {
    expect(fieldsOf({ kind: 'cron' })).toEqual(['kind']);
    expect(fieldsOf(null)).toEqual(['schedule']);
    expect(fieldsOf({ ...polling, path_on_datastore: 'incoming/*.csv' })).toEqual(['path_on_datastore']);
    expect(fieldsOf({ ...polling, path_on_datastore: '../secrets' })).toEqual(['path_on_datastore']);
    expect(fieldsOf({ ...polling, data_path_parameter_name: '1st path' })).toEqual(['data_path_parameter_name']);
    expect(fieldsOf({ ...polling, pipeline_parameters: { n: 3 } })).toEqual(['pipeline_parameters']);
    expect(fieldsOf({ ...polling, data_path_parameter_name: 'p', pipeline_parameters: { p: 'x' } })).toEqual(['pipeline_parameters']);
    expect(fieldsOf({ kind: 'recurrence', recurrence: { frequency: 'Day', interval: 0, week_days: ['Monday'] } })).toEqual([
      'recurrence.interval', 'recurrence.week_days',
    ]);
    expect(fieldsOf({ kind: 'recurrence' })).toEqual(['recurrence']);
  });

  it('simulateTriggers throws every schedule and option problem at once', () => {
    const bad = { ...polling, polling_interval: 0 } as Schedule;
    const options = { from: '2024-05-01T10:00:00Z', to: '2024-05-01T09:00:00Z', arrivals: [{ time: 'soon', path: 'incoming/' }] };
    let caught: unknown;
    try {
      simulateTriggers(workspace, bad, options);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ScheduleValidationError);
    expect((caught as ScheduleValidationError).problems.map((p) => p.field)).toEqual([
      'polling_interval', 'to', 'arrivals[0].time', 'arrivals[0].path',
    ]);
  });

  it('rejects a naive from/to', () => {
    expect(() => simulateTriggers(workspace, polling, { from: '2024-05-01T10:00:00', to: window.to })).toThrow(/- from: /);
  });
});
