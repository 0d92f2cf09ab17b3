// @vitest-environment happy-dom
// The batch-vs-real-time widget over the compare worker's real runner (run
// in-process by a stand-in Worker): what it sends, what it renders, and its
// settings in the page's link.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import BatchVsRealtimePanel from '@/app/_features/compare/ui/BatchVsRealtimePanel';
import { createCompareClient } from '@/app/_features/compare/worker/client';
import { formatSeconds, formatUsd } from '@/app/_platform/format';
import { VOLUME_STEPS } from '@/app/_features/compare/model/settings';
import { URL_WRITE_DELAY_MS } from '@/app/_platform/url/use-query-sync';
import { compareBatchVsRealtime } from '@/engine/index';
import { inProcessWorker, type FakeWorker } from '../compare-fakes';

let workers: FakeWorker[] = [];
let client = createCompareClient(() => inProcessWorker());
const Panel = () => <BatchVsRealtimePanel client={client} />;
const openAt = (query: string) => window.history.replaceState(null, '', `/chapters/95${query}`);
const settle = () => act(() => new Promise((r) => setTimeout(r, URL_WRITE_DELAY_MS + 50)));

beforeEach(() => {
  workers = [];
  client = createCompareClient(() => {
    workers.push(inProcessWorker());
    return workers.at(-1)!;
  });
  openAt('');
});
afterEach(cleanup);

const verdict = () => screen.getByRole('status', { name: 'Verdict' }).textContent ?? '';
const table = () => screen.getByRole('table', { name: /Cost per day and time for each volume/ });
const currentRow = () => within(table()).getByText('(your volume)').closest('tr') as HTMLElement;

describe('BatchVsRealtime', () => {
  it('scores the default workload both ways, with the engine figures in the table and verdict', async () => {
    render(<Panel />);
    await screen.findByText(/At 1,000,000 rows a day, batch is cheaper/, {}, { timeout: 5000 });
    const expected = await compareBatchVsRealtime({ rows: 1e6, rowsPerRequest: 1, vmSize: 'Standard_DS3_v2', nodeCount: 2, runsPerDay: 1, maxConcurrentRequestsPerInstance: 1 });
    const cells = within(currentRow()).getAllByRole('cell').map((c) => c.textContent);
    expect(cells[0]).toBe(formatSeconds(expected.current.batch.durationSeconds, 'span'));
    expect(cells[1]).toBe(formatUsd(expected.current.batch.costPerDayUsd, 'rounded'));
    expect(cells[5]).toBe(formatUsd(expected.current.realtime.costPerDayUsd, 'rounded'));
    expect(within(table()).getAllByRole('row')).toHaveLength(1 + expected.points.length);
    expect(screen.getByRole('application', { name: 'Cost per day against rows per day' })).toBeTruthy();
    expect(screen.getByRole('application', { name: 'Time against rows per day' }).getAttribute('aria-describedby')).toBe(table().id);
    expect(verdict()).toMatch(/nightly, millions of rows.*→ batch/);
    expect(verdict()).toMatch(/answer while the user waits.*→ real-time/);
  });

  it('moves the marked volume with the rows per day slider', async () => {
    render(<Panel />);
    const slider = screen.getByRole('slider', { name: /rows per day/ });
    fireEvent.change(slider, { target: { value: String(VOLUME_STEPS.indexOf(2e4)) } });
    expect(slider.getAttribute('aria-valuetext')).toBe('20,000 rows per day');
    await screen.findByText(/At 20,000 rows a day/, {}, { timeout: 5000 });
    expect(within(currentRow()).getByRole('rowheader').textContent).toMatch(/^20,000/);
  });

  it('shows the endpoint winning on cost when batch must cold-start many times a day', async () => {
    render(<Panel />);
    fireEvent.change(screen.getByLabelText(/batch runs per day/), { target: { value: '96' } });
    fireEvent.change(screen.getByLabelText(/node_count/), { target: { value: '10' } });
    await screen.findByText(/the endpoint is cheaper/, {}, { timeout: 5000 });
    expect(within(currentRow()).getAllByRole('cell').at(-1)!.textContent).toBe('Real-time');
    expect(verdict()).toMatch(/answer while the user waits.*→ real-time/);
  });

  it('puts the engine message beside node_count when it is invalid', async () => {
    render(<Panel />);
    const nodes = screen.getByLabelText(/node_count/);
    fireEvent.change(nodes, { target: { value: '0' } });
    expect(nodes.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(nodes.getAttribute('aria-describedby')!.split(' ')[1]!)!;
    expect(message.textContent).toMatch(/node_count 0 is not allowed/);
    expect(verdict()).toMatch(/Fix the setting marked above/);
  });

  it('sends each settled setting to the worker instead of sweeping on the page', async () => {
    render(<Panel />);
    await screen.findByText(/At 1,000,000 rows a day/, {}, { timeout: 5000 });
    fireEvent.change(screen.getByLabelText(/max_concurrent_requests_per_instance/), { target: { value: '4' } });
    await screen.findByText(/At 1,000,000 rows a day/, {}, { timeout: 5000 });
    await act(() => new Promise((r) => setTimeout(r, 300)));
    expect(workers).toHaveLength(1);
    expect(workers[0]!.posted.map((p) => p.options)).toEqual([
      { rows: 1e6, rowsPerRequest: 1, vmSize: 'Standard_DS3_v2', nodeCount: 2, runsPerDay: 1, maxConcurrentRequestsPerInstance: 1 },
      { rows: 1e6, rowsPerRequest: 1, vmSize: 'Standard_DS3_v2', nodeCount: 2, runsPerDay: 1, maxConcurrentRequestsPerInstance: 4 },
    ]);
  });

  it('shows the message of a sweep that fails in the worker', async () => {
    const failing = createCompareClient(() => {
      const worker = inProcessWorker();
      queueMicrotask(() => worker.crash('no memory left'));
      return worker;
    });
    render(<BatchVsRealtimePanel client={failing} />);
    expect((await screen.findByText(/The comparison stopped unexpectedly: no memory left/, {}, { timeout: 5000 })).closest('[aria-label="Verdict"]')).toBeTruthy();
  });
});

describe('BatchVsRealtime in the URL', () => {
  it('restores the settings from the link and keeps them in it after a change', async () => {
    openAt('?compare.rows_per_day=20000&compare.runs_per_day=96&compare.node_count=10&compare.vm_size=Standard_D13_v2&other=1');
    render(<Panel />);
    expect((screen.getByLabelText(/node_count/) as HTMLInputElement).value).toBe('10');
    expect((screen.getByLabelText(/batch runs per day/) as HTMLSelectElement).value).toBe('96');
    expect((screen.getByLabelText(/vm_size/) as HTMLSelectElement).value).toBe('Standard_D13_v2');
    expect(screen.queryByRole('note', { name: 'Link settings not used' })).toBeNull();
    await screen.findByText(/At 20,000 rows a day/, {}, { timeout: 5000 });
    expect(workers[0]!.posted[0]!.options).toMatchObject({ rows: 20_000, runsPerDay: 96, nodeCount: 10, vmSize: 'Standard_D13_v2' });
    await settle();
    expect(window.location.search).toBe('?compare.rows_per_day=20000&compare.runs_per_day=96&compare.node_count=10&compare.vm_size=Standard_D13_v2&other=1');

    fireEvent.change(screen.getByRole('slider', { name: /rows per day/ }), { target: { value: String(VOLUME_STEPS.indexOf(5e6)) } });
    await settle();
    const params = new URLSearchParams(window.location.search);
    expect(params.get('compare.rows_per_day')).toBe('5000000');
    expect(params.get('compare.node_count')).toBe('10');
    expect(params.get('compare.max_concurrent_requests_per_instance')).toBe('1');
    expect(params.get('other')).toBe('1');
  });

  it('falls back to the default for each unusable value, with a note naming the key and what it accepts', async () => {
    openAt('?compare.rows_per_day=123&compare.node_count=abc&compare.vm_size=Standard_Huge&compare.max_concurrent_requests_per_instance=17');
    render(<Panel />);
    const note = screen.getByRole('note', { name: 'Link settings not used' });
    const items = within(note).getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toMatch(/^compare\.rows_per_day=123: allowed is one of 1000, 2000, 5000, .*30000000; using 1000000\.$/);
    expect(items[1]).toMatch(/^compare\.vm_size=Standard_Huge: allowed is one of Standard_DS3_v2, .*; using Standard_DS3_v2\.$/);
    expect(items.slice(2)).toEqual([
      'compare.node_count=abc: allowed is a whole number from 1 to 50; using 2.',
      'compare.max_concurrent_requests_per_instance=17: allowed is a whole number from 1 to 16; using 1.',
    ]);
    expect((screen.getByLabelText(/node_count/) as HTMLInputElement).value).toBe('2');
    await screen.findByText(/At 1,000,000 rows a day, batch is cheaper/, {}, { timeout: 5000 });
  });
});
