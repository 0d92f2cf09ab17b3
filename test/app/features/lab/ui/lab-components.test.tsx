// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ControlPanel } from '@/app/_features/lab/ui/controls/ControlPanel';
import { CodePanel } from '@/app/_features/lab/ui/panels/CodePanel';
import { LogBrowser } from '@/app/_features/lab/ui/panels/LogBrowser';
import { OutputPanel } from '@/app/_features/lab/ui/panels/OutputPanel';
import { PresetPicker } from '@/app/_features/lab/ui/panels/PresetPicker';
import { ProgressBar } from '@/app/_features/lab/ui/RunBar';
import { LONG_RUN_MS } from '@/app/_features/lab/ui/use-long-busy';
import { CountsPanel, StatusBanner } from '@/app/_features/lab/ui/panels/StatusPanels';
import type { RunRequest } from '@/app/_features/lab/model/protocol';
import { createLabStore, type LabStore } from '@/app/_features/lab/store';
import { LabStoreContext } from '@/app/_features/lab/use-lab';
import { LOG_PATHS } from '@/engine/index';
import { engineView, FakeWorkerClient, ManualTimers } from '../lab-fakes';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function mount(children: ReactNode) {
  const client = new FakeWorkerClient();
  const timers = new ManualTimers();
  const store: LabStore = createLabStore({ client, channel: 'lab', timers });
  act(() => store.getState().start());
  timers.advance(1_000);
  render(<LabStoreContext.Provider value={store}>{children}</LabStoreContext.Provider>);
  return { client, timers, store };
}

describe('lab controls', () => {
  it('labels each control with its SDK name and shows its exact value', () => {
    mount(<ControlPanel />);
    const slider = screen.getByRole('slider', { name: 'node_count' });
    expect(slider).toHaveProperty('value', '2');
    expect(slider.getAttribute('aria-valuetext')).toBe('2');
    expect(screen.getByRole('textbox', { name: 'mini_batch_size' })).toHaveProperty('value', '32KB');
    expect(screen.getByRole('textbox', { name: 'error_threshold' })).toHaveProperty('value', '100');
    expect(screen.getByRole('combobox', { name: 'vm_size' })).toHaveProperty('value', 'Standard_DS3_v2');
    expect(screen.getByRole('slider', { name: 'process_count_per_node' }).getAttribute('aria-valuetext')).toBe('not set (service default 4)');
    // The one-line explanation is the control's description.
    const described = slider.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(described.map((id) => document.getElementById(id)?.textContent).join(' ')).toMatch(/Nodes the step runs on/);
  });

  it('a slider change updates the store and sends the worker a run with it', () => {
    const { client, store } = mount(<ControlPanel />);
    fireEvent.change(screen.getByRole('slider', { name: 'node_count' }), { target: { value: '5' } });
    expect(store.getState().settings.node_count).toBe('5');
    const last = client.runs().at(-1) as RunRequest;
    expect(last.settings.node_count).toBe('5');
    expect(last.id).toBe(store.getState().requestId);
    expect(screen.getByRole('slider', { name: 'node_count' }).getAttribute('aria-valuetext')).toBe('5');
  });

  it('shows the engine’s message beside an invalid value and sends nothing', () => {
    const { client } = mount(<ControlPanel />);
    const before = client.runs().length;
    const field = screen.getByRole('textbox', { name: 'mini_batch_size' });
    fireEvent.change(field, { target: { value: '1 MB' } });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/mini_batch_size is "1 MB"; it must be a positive whole number of bytes or a string like/);
    expect(field.getAttribute('aria-describedby')).toContain(alert.id);
    expect(client.runs()).toHaveLength(before);
  });

  it('steps a numeric text field with the arrow keys', () => {
    const { store } = mount(<ControlPanel />);
    const field = screen.getByRole('textbox', { name: 'error_threshold' });
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(store.getState().settings.error_threshold).toBe('99');
  });
});

describe('lab panels with an engine result', () => {
  it('renders the status, the counts, the output and the logs of a result', async () => {
    const { client } = mount(
      <>
        <StatusBanner />
        <CountsPanel />
        <OutputPanel />
        <LogBrowser />
      </>,
    );
    const view = await engineView();
    act(() => client.reply({ type: 'result', channel: 'lab', id: 1, view }));
    expect(screen.getByTestId('lab-status').textContent).toBe('Completed');
    const counts = screen.getByTestId('lab-counts');
    expect(within(counts).getByText('Items succeeded').nextElementSibling?.textContent).toBe(String(view.counts.itemsSucceeded));
    expect(within(counts).getByText('Items failed').nextElementSibling?.textContent).toBe(String(view.counts.itemsFailed));
    expect(screen.getByTestId('lab-output-lines').textContent).toBe(String(view.counts.itemsSucceeded));
    expect(screen.getByRole('button', { name: 'Download parallel_run_step.txt' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: LOG_PATHS.result }));
    expect(screen.getByLabelText(`Contents of ${LOG_PATHS.result}`).textContent).toMatch(/^Status: Completed/);
  });

  it('shows Failed with the engine’s reason, and no output file with summary_only', async () => {
    const { client } = mount(
      <>
        <StatusBanner />
        <OutputPanel />
      </>,
    );
    const view = await engineView({ error_threshold: 1, output_action: 'summary_only' });
    act(() => client.reply({ type: 'result', channel: 'lab', id: 1, view }));
    expect(screen.getByTestId('lab-status').textContent).toBe('Failed');
    expect(screen.getByRole('status').textContent).toContain(view.failureReason as string);
    expect(view.failureReason).toMatch(/error_threshold exceeded/);
    expect(screen.getByTestId('lab-no-output').textContent).toMatch(/No output file/);
    expect(screen.queryByRole('button', { name: /Download/ })).toBeNull();
  });

  it('a preset sets the controls and tells where Azure reports it', () => {
    const { store } = mount(
      <>
        <PresetPicker />
        <ControlPanel />
      </>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Nightly retail forecasting, 10 nodes' }));
    expect(screen.getByRole('button', { name: 'Nightly retail forecasting, 10 nodes' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('slider', { name: 'node_count' })).toHaveProperty('value', '10');
    expect(store.getState().preset).toBe('nightly-retail');
    expect(screen.getByText(LOG_PATHS.progress, { selector: 'code' })).toBeTruthy();
  });

  it('renders the code for the current settings and hides it while they are invalid', () => {
    const { store } = mount(<CodePanel />);
    expect(screen.getByLabelText('SDK v1 Python for the current settings').textContent).toContain('node_count=2,');
    act(() => store.getState().set('node_count', '7'));
    expect(screen.getByLabelText('SDK v1 Python for the current settings').textContent).toContain('node_count=7,');
    fireEvent.click(screen.getByRole('button', { name: 'v2 YAML (parallel job)' }));
    expect(screen.getByLabelText('v2 pipeline job YAML').textContent).toContain('instance_count: 7');
    act(() => store.getState().set('error_threshold', ''));
    expect(screen.queryByLabelText('v2 pipeline job YAML')).toBeNull();
    expect(screen.getByText(/Fix the settings/)).toBeTruthy();
  });
});

describe('the progress bar', () => {
  it('stays out of the way for a quick run, then shows each phase the worker reports', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { client } = mount(<ProgressBar />);
    const slot = () => document.querySelector('.lab-progress-slot') as HTMLElement;
    expect(slot().dataset.labWorking).toBe('true');
    expect(screen.queryByRole('progressbar')).toBeNull();
    act(() => vi.advanceTimersByTime(LONG_RUN_MS));
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('Starting the simulator…');
    // Generating the data is one engine call: a phase without a share.
    act(() => client.reply({ type: 'progress', channel: 'lab', id: 1, phase: 'data', fraction: null }));
    const bar = screen.getByRole('progressbar');
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);
    expect(slot().textContent).toBe('Generating 100,000 credit-risk rows…');
    act(() => client.reply({ type: 'progress', channel: 'lab', id: 1, phase: 'simulate', fraction: 0.42 }));
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('42');
    expect(slot().textContent).toBe('Simulating the job… 42 %');
    const view = await engineView();
    act(() => client.reply({ type: 'result', channel: 'lab', id: 1, view }));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(slot().dataset.labWorking).toBe('false');
  });

  it('after the result, tells that the what-if sweeps are still coming', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const client = new FakeWorkerClient();
    const store = createLabStore({ client, channel: 'lab', sweeps: ['node_count'], timers: new ManualTimers() });
    act(() => store.getState().start());
    render(
      <LabStoreContext.Provider value={store}>
        <ProgressBar />
      </LabStoreContext.Provider>,
    );
    const view = await engineView();
    act(() => client.reply({ type: 'result', channel: 'lab', id: 1, view }));
    act(() => vi.advanceTimersByTime(LONG_RUN_MS));
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('Running the what-if sweeps…');
    act(() => client.reply({ type: 'sweep', channel: 'lab', id: 1, kind: 'node_count', points: [] }));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
