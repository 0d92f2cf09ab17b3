// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ImportDialog } from '@/app/_components/practice/progress/ImportDialog';
import { ProgressNotice } from '@/app/_components/practice/progress/ProgressNotice';
import { progressStore } from '@/app/_progress/use-progress';
import { serializeProgress } from '@/app/_progress/transfer';
import { emptyProgress } from '@/app/_progress/schema';
import { PROGRESS_KEY } from '@/app/_progress/store';

const CH96 = '096-real-time-inference-online-endpoints';

function choose(text: string, name = 'progress.json') {
  const input = screen.getByLabelText(/Progress file/) as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
}

beforeEach(() => {
  localStorage.clear();
  act(() => {
    progressStore.getState().resetProgress();
    progressStore.getState().recordDrillAnswer('d01-retail-nightly-forecast', true, 1, '2026-03-01T10:00:00.000Z');
  });
});
afterEach(cleanup);

describe('ImportDialog', () => {
  it('rejects a file with a bad field, names it, and changes nothing', async () => {
    const saved = localStorage.getItem(PROGRESS_KEY);
    render(<ImportDialog />);
    const bad = JSON.parse(serializeProgress(emptyProgress(), '2026-03-01T00:00:00.000Z'));
    bad.progress.drills.bestStreak = -4;
    choose(JSON.stringify(bad));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/not imported: the field progress\.drills\.bestStreak is invalid.*Your progress has not changed/);
    expect(screen.queryByRole('button', { name: 'Replace my progress' })).toBeNull();
    expect(localStorage.getItem(PROGRESS_KEY)).toBe(saved);
    expect(progressStore.getState().drills.answered).toBe(1);
  });

  it('rejects text that is not JSON', async () => {
    render(<ImportDialog />);
    choose('{"app": "batch-inf');
    expect((await screen.findByRole('alert')).textContent).toMatch(/not valid JSON/);
    expect(progressStore.getState().drills.answered).toBe(1);
  });

  it('imports a valid file only after confirmation', async () => {
    render(<ImportDialog />);
    choose(serializeProgress({ ...emptyProgress(), unlocked: [CH96] }, '2026-03-01T00:00:00.000Z'), 'mine.json');
    const confirm = await screen.findByRole('button', { name: 'Replace my progress' });
    expect(screen.getByRole('alertdialog').textContent).toMatch(/“mine\.json” holds 0 quiz attempts, 1 unlocked chapter/);
    expect(progressStore.getState().unlocked).toEqual([]);
    fireEvent.click(confirm);
    expect(progressStore.getState().unlocked).toEqual([CH96]);
    expect(progressStore.getState().drills.answered).toBe(0);
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? '{}').state.unlocked).toEqual([CH96]);
    expect(screen.getByRole('status').textContent).toBe('Imported “mine.json”.');
  });

  it('cancels without changing anything', async () => {
    render(<ImportDialog />);
    choose(serializeProgress({ ...emptyProgress(), unlocked: [CH96] }, '2026-03-01T00:00:00.000Z'));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(progressStore.getState().unlocked).toEqual([]);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('ProgressNotice', () => {
  it('shows the load notice until dismissed', async () => {
    act(() => progressStore.setState({ notice: 'Some saved progress could not be read and was reset: drill stats.' }));
    render(<ProgressNotice />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/reset: drill stats\. Everything else was kept/);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('looks at the store only once there is saved progress, also when another tab saves it', async () => {
    // Nothing saved, as on a first visit (beforeEach saved a drill answer).
    localStorage.clear();
    render(<ProgressNotice />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(screen.queryByRole('alert')).toBeNull();
    // Another tab saves progress with broken drill stats: the store reads it and the notice says so.
    const broken = JSON.stringify({ state: { drills: { answered: -1 } }, version: 2 });
    act(() => {
      localStorage.setItem(PROGRESS_KEY, broken);
      window.dispatchEvent(new StorageEvent('storage', { key: PROGRESS_KEY, newValue: broken }));
    });
    expect((await screen.findByRole('alert')).textContent).toMatch(/reset: drill stats/);
  });
});
