// @vitest-environment happy-dom
// The schedule explorer in the page's link: restored on load, written back on
// change (its own keys only), and bad values shown as notes, never a crash.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import ScheduleExplorerPanel from '@/app/_features/schedule/ui/ScheduleExplorerPanel';
import { decodeSchedule, encodeSchedule } from '@/app/_features/schedule/model/url';
import { formatUtc } from '@/app/_features/schedule/model/format-time';
import { URL_WRITE_DELAY_MS } from '@/app/_platform/url/use-query-sync';
import { nextRunTimes } from '@/engine/index';

const openAt = (query: string) => window.history.replaceState(null, '', `/chapters/95${query}#schedules`);
const settle = () => act(() => new Promise((r) => setTimeout(r, URL_WRITE_DELAY_MS + 50)));
const utcTimes = () =>
  within(screen.getByRole('table', { name: /Next \d+ run times/ }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelectorAll('td')[2]?.textContent ?? '');
const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

beforeEach(() => openAt(''));
afterEach(cleanup);

describe('ScheduleExplorer in the URL', () => {
  it('restores a recurrence and a trigger from the link', () => {
    openAt('?schedule.frequency=Week&schedule.week_days=Monday,Friday&schedule.time_of_day=09:15&schedule.time_zone=Asia%2FTokyo&schedule.trigger=event&schedule.blob=2026-11-24T12:05:00Z,incoming/a.csv');
    render(<ScheduleExplorerPanel />);
    expect(value('frequency')).toBe('Week');
    expect(value('time_zone')).toBe('Asia/Tokyo');
    expect((screen.getByRole('checkbox', { name: 'week_days Friday' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'week_days Tuesday' }) as HTMLInputElement).checked).toBe(false);
    const expected = nextRunTimes(
      { frequency: 'Week', interval: 1, start_time: '2026-11-24T00:00:00', time_zone: 'Asia/Tokyo', week_days: ['Monday', 'Friday'], time_of_day: '09:15' },
      { after: '2026-11-24T12:00:00Z', count: 10 },
    );
    expect(utcTimes()).toEqual(expected.map(formatUtc));
    expect((screen.getByRole('radio', { name: /Event trigger/ }) as HTMLInputElement).checked).toBe(true);
    const arrivals = screen.getByRole('table', { name: /Blob arrivals/ });
    expect(within(arrivals).getAllByRole('row')).toHaveLength(2);
    expect(within(arrivals).getByText('incoming/a.csv', { selector: 'code' })).toBeTruthy();
    expect(screen.queryByRole('note', { name: 'Link settings not used' })).toBeNull();
  });

  it('leaves the address alone on load, then writes its own keys after a change and keeps the rest', async () => {
    openAt('?rows=500');
    render(<ScheduleExplorerPanel />);
    await settle();
    expect(window.location.search).toBe('?rows=500');
    fireEvent.change(screen.getByLabelText('interval'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /follow the v1 code/ }));
    await settle();
    const params = new URLSearchParams(window.location.search);
    expect(params.get('rows')).toBe('500');
    expect(params.get('schedule.interval')).toBe('2');
    expect(params.get('schedule.v1_code_default')).toBe('1');
    expect(window.location.pathname).toBe('/chapters/95');
    expect(window.location.hash).toBe('#schedules');
    // The written link rebuilds exactly what is on screen.
    const shown = utcTimes();
    cleanup();
    render(<ScheduleExplorerPanel />);
    expect(value('interval')).toBe('2');
    expect(utcTimes()).toEqual(shown);
  });

  it('writes an emptied blob list as such, so a link with no blobs stays empty', async () => {
    render(<ScheduleExplorerPanel />);
    for (const button of screen.getAllByRole('button', { name: /^Remove/ })) fireEvent.click(button);
    await settle();
    expect(new URLSearchParams(window.location.search).getAll('schedule.blob')).toEqual(['']);
    expect(decodeSchedule(window.location.search).trigger.arrivals).toEqual([]);
  });

  it('falls back to the default for each unusable value and says which key and what it accepts', () => {
    openAt('?schedule.frequency=Fortnight&schedule.interval=-3&schedule.week_days=Monday,Funday&schedule.time_zone=Mars%2FOlympus&schedule.trigger=webhook&schedule.window=999999&schedule.blob=nonsense');
    render(<ScheduleExplorerPanel />);
    const note = screen.getByRole('note', { name: 'Link settings not used' });
    const items = within(note).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'schedule.frequency=Fortnight: allowed is one of Minute, Hour, Day, Week, Month; using Day.',
      'schedule.interval=-3: allowed is a whole number from 1 to 1000; using 1.',
      expect.stringMatching(/^schedule\.time_zone=Mars\/Olympus: allowed is one of \(empty: omitted\), UTC, Europe\/London, .*; using UTC\.$/),
      'schedule.week_days=Monday,Funday: allowed is a comma-separated list of Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday (or empty); using none.',
      'schedule.trigger=webhook: allowed is one of datastore, event; using datastore.',
      'schedule.window=999999: allowed is a whole number from 1 to 10080; using 60.',
      expect.stringMatching(/^schedule\.blob=nonsense: allowed is "<arrival time>,<blob path>"/),
    ]);
    expect(value('frequency')).toBe('Day');
    expect(value('interval')).toBe('1');
    expect(utcTimes()).toHaveLength(10);
  });

  it('keeps free text as typed, so the engine names a wrong value beside its control', () => {
    openAt('?schedule.hours=25&schedule.time_of_day=&schedule.frequency=Day');
    render(<ScheduleExplorerPanel />);
    expect(screen.queryByRole('note', { name: 'Link settings not used' })).toBeNull();
    const hours = screen.getByLabelText('hours');
    expect((hours as HTMLInputElement).value).toBe('25');
    expect(hours.getAttribute('aria-invalid')).toBe('true');
  });

  it('round-trips every setting through encode and decode', () => {
    const decoded = decodeSchedule('?schedule.frequency=Month&schedule.hours=6,18&schedule.time_zone=&schedule.polling_interval=&schedule.path_on_datastore=in%20box/');
    const again = decodeSchedule(`?${new URLSearchParams(encodeSchedule(decoded).map(([k, v]) => [`schedule.${k}`, v])).toString()}`);
    expect(again.notes).toEqual([]);
    expect({ recurrence: again.recurrence, trigger: again.trigger }).toEqual({ recurrence: decoded.recurrence, trigger: decoded.trigger });
    expect(decoded.recurrence.timeZone).toBe('');
    expect(decoded.trigger.pollingInterval).toBe('');
    expect(decoded.trigger.path).toBe('in box/');
  });
});
