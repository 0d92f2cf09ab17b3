// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import BatchVsRealtimePanel from '@/app/_components/compare/BatchVsRealtimePanel';
import { formatSeconds, formatUsd, VOLUME_STEPS } from '@/app/_components/compare/compare-format';
import { compareBatchVsRealtime } from '@/engine/index';

afterEach(cleanup);

const verdict = () => screen.getByRole('status', { name: 'Verdict' }).textContent ?? '';
const table = () => screen.getByRole('table', { name: /Cost per day and time for each volume/ });
const currentRow = () => within(table()).getByText('(your volume)').closest('tr') as HTMLElement;

describe('BatchVsRealtime', () => {
  it('scores the default workload both ways, with the engine figures in the table and verdict', async () => {
    render(<BatchVsRealtimePanel />);
    await screen.findByText(/At 1,000,000 rows a day, batch is cheaper/, {}, { timeout: 5000 });
    const expected = await compareBatchVsRealtime({ rows: 1e6, rowsPerRequest: 1, vmSize: 'Standard_DS3_v2', nodeCount: 2, runsPerDay: 1, maxConcurrentRequestsPerInstance: 1 });
    const cells = within(currentRow()).getAllByRole('cell').map((c) => c.textContent);
    expect(cells[0]).toBe(formatSeconds(expected.current.batch.durationSeconds));
    expect(cells[1]).toBe(formatUsd(expected.current.batch.costPerDayUsd));
    expect(cells[5]).toBe(formatUsd(expected.current.realtime.costPerDayUsd));
    expect(within(table()).getAllByRole('row')).toHaveLength(1 + expected.points.length);
    expect(verdict()).toMatch(/nightly, millions of rows.*→ batch/);
    expect(verdict()).toMatch(/answer while the user waits.*→ real-time/);
  });

  it('moves the marked volume with the rows per day slider', async () => {
    render(<BatchVsRealtimePanel />);
    const slider = screen.getByRole('slider', { name: /rows per day/ });
    fireEvent.change(slider, { target: { value: String(VOLUME_STEPS.indexOf(2e4)) } });
    expect(slider.getAttribute('aria-valuetext')).toBe('20,000 rows per day');
    await screen.findByText(/At 20,000 rows a day/, {}, { timeout: 5000 });
    expect(within(currentRow()).getByRole('rowheader').textContent).toMatch(/^20,000/);
  });

  it('shows the endpoint winning on cost when batch must cold-start many times a day', async () => {
    render(<BatchVsRealtimePanel />);
    fireEvent.change(screen.getByLabelText(/batch runs per day/), { target: { value: '96' } });
    fireEvent.change(screen.getByLabelText(/node_count/), { target: { value: '10' } });
    await screen.findByText(/the endpoint is cheaper/, {}, { timeout: 5000 });
    expect(within(currentRow()).getAllByRole('cell').at(-1)!.textContent).toBe('Real-time');
    expect(verdict()).toMatch(/answer while the user waits.*→ real-time/);
  });

  it('puts the engine message beside node_count when it is invalid', async () => {
    render(<BatchVsRealtimePanel />);
    const nodes = screen.getByLabelText(/node_count/);
    fireEvent.change(nodes, { target: { value: '0' } });
    expect(nodes.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(nodes.getAttribute('aria-describedby')!.split(' ')[1]!)!;
    expect(message.textContent).toMatch(/node_count 0 is not allowed/);
    expect(verdict()).toMatch(/Fix the setting marked above/);
  });
});
