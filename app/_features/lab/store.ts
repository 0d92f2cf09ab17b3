// One lab widget's state: settings as typed, the engine's validation, the last
// good result, sweeps, and the replay of the run over virtual time. Changes
// are sent to the worker (debounced, leading edge first) and results for
// anything but the latest request are ignored.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { hasProblems, validateSettings, type FieldProblems } from './model/config';
import { PRESETS_BY_ID, type PresetId } from './model/presets';
import type { LabView, OutputChunks, ProgressPhase, QualityView, SweepKind, SweepPoint, WorkerMessage } from './model/protocol';
import { NO_SCENARIO, type ScenarioSpec } from './model/scenario';
import { DEFAULT_SETTINGS, datasetDefaults, sanitizeSettings, type LabSettings } from './model/settings';
import type { LabWorkerClient } from './worker/client';
import { playbackActions } from './store-playback';
import { stateAfter } from './store-answers';
import { switchSdk, type SdkSwitch } from './model/sdk-switch';

export const DEBOUNCE_MS = 150;
export const SPEEDS = [30, 120, 600, 3000] as const;

export interface Playback {
  /** Virtual time shown; null means the end of the run. */
  t: number | null;
  playing: boolean;
  /** Virtual seconds per real second. */
  speed: number;
}

export interface LabData {
  settings: LabSettings;
  preset: PresetId | null;
  problems: FieldProblems;
  /** The last good result (kept while a newer one is computed or the settings are invalid). */
  view: LabView | null;
  quality: QualityView | null;
  /** The request the quality belongs to (kept on screen until the next one arrives). */
  qualityId: number;
  /** Each sweep with the request it belongs to (older ones stay on screen until replaced). */
  sweeps: Partial<Record<SweepKind, { id: number; points: SweepPoint[] }>>;
  /** The request whose result is shown. */
  viewId: number;
  /** The latest request sent to the worker (0 before the first). */
  requestId: number;
  busy: boolean;
  /** The latest request's what-if sweeps have not all arrived yet (the worker runs them after the result). */
  sweepsPending: boolean;
  progress: { phase: ProgressPhase; fraction: number | null } | null;
  /** The worker's error for the latest request (the engine's message for an invalid config). */
  error: string | null;
  playback: Playback;
  /** Decision threshold for the quality panel; null follows the model's own. */
  threshold: number | null;
  /** Bumped on every user change, so the page knows when to write the URL. */
  revision: number;
  /** The log file open in the log browser (null: the first one). */
  selectedLog: string | null;
  /** A scenario set by a widget itself (e.g. the playground's strict script); wins over the preset's. */
  customScenario: ScenarioSpec | null;
  /** What the last change of SDK dialect carried over and could not (null before any). */
  sdkSwitch: Omit<SdkSwitch, 'settings'> | null;
}

export interface LabActions {
  /** Sends the first request; widgets call it once they are visible. */
  start(): void;
  set<K extends keyof LabSettings>(key: K, value: LabSettings[K]): void;
  applyPreset(id: PresetId): void;
  clearPreset(): void;
  resetSettings(): void;
  setThreshold(value: number | null): void;
  /** The full append_row file of the result on screen (it is kept in the worker). */
  fetchOutput(): Promise<OutputChunks>;
  selectLog(path: string | null): void;
  setCustomScenario(scenario: ScenarioSpec | null): void;
  play(reducedMotion: boolean): void;
  pause(): void;
  step(): void;
  rewind(): void;
  setSpeed(speed: number): void;
  /** Moves the replay cursor (the animation loop calls this). */
  setTime(t: number | null): void;
  dispose(): void;
}

export type LabState = LabData & LabActions;
export type LabStore = StoreApi<LabState>;

export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface LabStoreOptions {
  client: LabWorkerClient;
  channel: string;
  sweeps?: SweepKind[];
  initial?: { settings: LabSettings; preset: PresetId | null };
  timers?: Timers;
}

/** Timeline marks for the bench's breakdown (request sent, result received); free when nobody reads them. */
function mark(name: string, detail?: unknown): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') {
    performance.clearMarks(name);
    performance.mark(name, { detail });
  }
}

const browserTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createLabStore(options: LabStoreOptions): LabStore {
  const timers = options.timers ?? browserTimers;
  const initialSettings = sanitizeSettings(options.initial?.settings ?? DEFAULT_SETTINGS);
  let timer: unknown;
  let lastSent = -Infinity;
  let started = false;
  let unsubscribe: (() => void) | undefined;
  const outputWaiters: ((file: OutputChunks | null) => void)[] = [];

  const store = createStore<LabState>()((set, get) => {
    const scenarioFor = (state: Pick<LabData, 'preset' | 'customScenario'>): ScenarioSpec =>
      state.customScenario ?? (state.preset ? (PRESETS_BY_ID.get(state.preset)?.scenario ?? NO_SCENARIO) : NO_SCENARIO);

    const sendNow = () => {
      timer = undefined;
      const state = get();
      if (hasProblems(state.problems)) return;
      const id = state.requestId + 1;
      lastSent = timers.now();
      set({ requestId: id, busy: true, sweepsPending: (options.sweeps ?? []).length > 0, progress: null, error: null });
      mark(`lab:${options.channel}:request`);
      options.client.send({ type: 'run', channel: options.channel, id, settings: state.settings, scenario: scenarioFor(state), sweeps: options.sweeps ?? [] });
    };

    // The first change after a quiet spell runs at once (a slider click feels
    // instant); changes in quick succession wait until DEBOUNCE_MS after the last.
    const scheduleRun = () => {
      if (!started) return;
      if (timer !== undefined) timers.clearTimeout(timer);
      if (hasProblems(get().problems)) {
        timer = undefined;
        return;
      }
      if (timer === undefined && timers.now() - lastSent >= DEBOUNCE_MS) sendNow();
      else timer = timers.setTimeout(sendNow, DEBOUNCE_MS);
    };

    const update = (settings: LabSettings, preset: PresetId | null) => {
      const clean = sanitizeSettings(settings);
      set((s) => ({ settings: clean, preset, problems: validateSettings(clean), revision: s.revision + 1 }));
      scheduleRun();
    };

    return {
      settings: initialSettings,
      preset: options.initial?.preset ?? null,
      problems: validateSettings(initialSettings),
      view: null,
      quality: null,
      qualityId: 0,
      sweeps: {},
      viewId: 0,
      requestId: 0,
      busy: false,
      sweepsPending: false,
      progress: null,
      error: null,
      playback: { t: null, playing: false, speed: SPEEDS[1] },
      threshold: null,
      revision: 0,
      selectedLog: null,
      customScenario: null,
      sdkSwitch: null,

      start() {
        if (started) return;
        started = true;
        unsubscribe = options.client.subscribe(options.channel, (message) => receive(message));
        scheduleRun();
      },
      set(key, value) {
        const { settings, preset } = get();
        if (key === 'sdk') {
          const { settings: next, ...report } = switchSdk(settings, value as LabSettings['sdk']);
          set({ sdkSwitch: report });
          update(next, preset);
          return;
        }
        // A different kind of dataset brings its own size, corruption and mini-batch unit.
        const next = key === 'dataset' && value !== settings.dataset ? { ...settings, ...datasetDefaults(value as LabSettings['dataset']) } : { ...settings, [key]: value };
        update(next, preset);
      },
      applyPreset(id) {
        const preset = PRESETS_BY_ID.get(id);
        if (!preset) return;
        // Open the log where Azure would report this case.
        set({ selectedLog: preset.report.log });
        update(preset.settings, id);
      },
      clearPreset: () => update(get().settings, null),
      resetSettings: () => update(DEFAULT_SETTINGS, null),
      setThreshold: (value) => set({ threshold: value }),
      fetchOutput() {
        return new Promise((resolve, reject) => {
          outputWaiters.push((file) => (file ? resolve(file) : reject(new Error('The output file of this run is no longer available; run the job again.'))));
          options.client.send({ type: 'output', channel: options.channel, id: get().viewId });
        });
      },
      selectLog: (path) => set({ selectedLog: path }),
      setCustomScenario(scenario) {
        set({ customScenario: scenario });
        scheduleRun();
      },

      ...playbackActions(get, set),
      dispose() {
        if (timer !== undefined) timers.clearTimeout(timer);
        unsubscribe?.();
        started = false;
      },
    };
  });

  function receive(message: WorkerMessage) {
    if (message.type === 'output') {
      outputWaiters.shift()?.(message.file);
      return;
    }
    const change = stateAfter(store.getState(), message, options.sweeps ?? []);
    if (!change) return;
    if (message.type === 'result') mark(`lab:${options.channel}:result`, message.timings);
    store.setState(change);
  }

  return store;
}
