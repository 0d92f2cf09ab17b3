// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import ScheduleExplorerPanel from '@/app/_features/schedule/ui/ScheduleExplorerPanel';

afterEach(cleanup);

const runTable = () => screen.getByRole('table', { name: /Next \d+ run times/ });
/** The UTC column of the run table. */
const utcTimes = () =>
  within(runTable())
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelectorAll('td')[2]?.textContent ?? '');
const set = (label: RegExp | string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('ScheduleExplorer: recurrence', () => {
  it('lists 10 run times and updates them when frequency or interval changes', () => {
    render(<ScheduleExplorerPanel />);
    // Default: Day, interval 1, 02:30 UTC, start_time in the past (24 Nov 00:00), now 24 Nov 12:00 UTC.
    expect(utcTimes()).toHaveLength(10);
    expect(utcTimes()[0]).toBe('Wed 25 Nov 2026, 02:30:00 UTC');
    expect(utcTimes()[1]).toBe('Thu 26 Nov 2026, 02:30:00 UTC');

    // Intervals count from start_time: every 2 days from the 24th is the 26th, 28th, ...
    set('interval', '2');
    expect(utcTimes().slice(0, 2)).toEqual(['Thu 26 Nov 2026, 02:30:00 UTC', 'Sat 28 Nov 2026, 02:30:00 UTC']);

    // Hour takes no time_of_day: clear it, and every 2 hours from 00:00 includes now (12:00) itself.
    set('frequency', 'Hour');
    set('time_of_day', '');
    expect(utcTimes().slice(0, 3)).toEqual(['Tue 24 Nov 2026, 12:00:00 UTC', 'Tue 24 Nov 2026, 14:00:00 UTC', 'Tue 24 Nov 2026, 16:00:00 UTC']);
  });

  it('shows the time zone and UTC side by side', () => {
    render(<ScheduleExplorerPanel />);
    set('time_zone', 'Asia/Tokyo');
    // 02:30 in Tokyo is 17:30 UTC the day before.
    const first = within(runTable()).getAllByRole('row')[1]!;
    expect(first.textContent).toContain('Wed 25 Nov 2026, 02:30:00 (UTC+09:00)');
    expect(first.textContent).toContain('Tue 24 Nov 2026, 17:30:00 UTC');
    expect(within(runTable()).getByRole('columnheader', { name: 'Asia/Tokyo' })).toBeTruthy();
  });

  it('runs a Week schedule only on the ticked week_days', () => {
    render(<ScheduleExplorerPanel />);
    set('frequency', 'Week');
    fireEvent.click(screen.getByRole('checkbox', { name: 'week_days Monday' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'week_days Friday' }));
    set('time_of_day', '09:15');
    const days = utcTimes().map((t) => t.slice(0, 3));
    expect(new Set(days)).toEqual(new Set(['Mon', 'Fri']));
    expect(utcTimes()[0]).toBe('Fri 27 Nov 2026, 09:15:00 UTC');
  });

  it('puts the engine message beside the offending control and lists no run times', () => {
    render(<ScheduleExplorerPanel />);
    set('frequency', 'Month');
    set('time_of_day', '');
    set('hours', '6');
    const hours = screen.getByLabelText('hours');
    expect(hours.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(hours.getAttribute('aria-describedby')!.split(' ')[1]!)!;
    expect(message.textContent).toMatch(/hours \[6\] only applies when frequency is Day or Week, not Month/);
    expect(screen.queryByRole('table', { name: /Next \d+ run times/ })).toBeNull();
    expect(screen.getByText(/No run times: fix the problem/)).toBeTruthy();
    // Fixing it brings the list back.
    set('hours', '');
    expect(utcTimes()).toHaveLength(10);
  });

  it('flags a start_time that carries a zone, and an interval of 0, each by name', () => {
    render(<ScheduleExplorerPanel />);
    set('start_time', '2026-11-24T00:00:00Z');
    set('interval', '0');
    expect(screen.getByText(/start_time "2026-11-24T00:00:00Z" carries a time zone/)).toBeTruthy();
    expect(screen.getByText(/interval 0 is not allowed/)).toBeTruthy();
  });

  it('shows the docs-versus-code default zone when time_zone is omitted in summer', () => {
    render(<ScheduleExplorerPanel />);
    set(/^now/, '2026-06-01T12:00:00Z');
    set('start_time', '2026-06-01T00:00:00');
    set('time_zone', '');
    expect(utcTimes()[0]).toBe('Tue 2 Jun 2026, 02:30:00 UTC');
    expect(screen.getByText(/10 of these 10 runs fall at a different UTC time/)).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /follow the v1 code/ }));
    // UK summer time: 02:30 in London is 01:30 UTC.
    expect(utcTimes()[0]).toBe('Tue 2 Jun 2026, 01:30:00 UTC');
  });
});

describe('ScheduleExplorer: blob arrivals', () => {
  function rowFor(path: string): HTMLElement {
    const rows = within(screen.getByRole('table', { name: /Blob arrivals/ })).getAllByRole('row');
    const row = rows.find((r) => r.querySelector('code')?.textContent === path);
    if (!row) throw new Error(`no row for ${path}`);
    return row;
  }

  it('polling ignores the sub-folder blob; an event trigger fires for it', () => {
    render(<ScheduleExplorerPanel />);
    expect(rowFor('incoming/archive/old.csv').textContent).toMatch(/Ignored: it sits in a sub-folder of "incoming"/);
    // day1 and day1-late land in the same 5-minute poll window: one run for both.
    expect(rowFor('incoming/day1.csv').textContent).toMatch(/Run 1 at Tue 24 Nov 2026, 12:05:00 UTC \(one run for this and 1 other blob/);
    expect(rowFor('exports/report.csv').textContent).toMatch(/not under path_on_datastore/);
    expect(screen.getByText(/2 pipeline runs fire in the window/)).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: /Event trigger/ }));
    expect(rowFor('incoming/archive/old.csv').textContent).toMatch(/Run 3 at Tue 24 Nov 2026, 12:09:00 UTC/);
    expect(screen.getByText(/4 pipeline runs fire in the window/)).toBeTruthy();
  });

  it('adds an arrival, passes its path in data_path_parameter_name, and validates polling_interval', () => {
    render(<ScheduleExplorerPanel />);
    set('Arrival time (ISO, UTC with Z)', '2026-11-24T12:41:00Z');
    set('Blob path', 'incoming/nested/deeper/x.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Add arrival' }));
    expect(rowFor('incoming/nested/deeper/x.csv').textContent).toMatch(/sub-folder/);

    set('polling_interval (minutes)', '15');
    // One poll at 12:15 now sees day1 and day1-late; day2 (12:21) waits for 12:30.
    expect(rowFor('incoming/day2.csv').textContent).toMatch(/Run 2 at Tue 24 Nov 2026, 12:30:00 UTC/);
    const runs = within(screen.getByRole('list', { name: 'Pipeline runs' })).getAllByRole('listitem');
    expect(runs[0]!.textContent).toBe('Tue 24 Nov 2026, 12:15:00 UTC: the poll found 2 new blobs → input_path = incoming/day1.csv');

    set('polling_interval (minutes)', '0');
    expect(screen.getByText(/polling_interval 0 is not allowed/)).toBeTruthy();
  });
});
