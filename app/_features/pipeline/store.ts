// The pipeline widget's store: the learner's edits, the engine's validation,
// the last run (and the reuse keys of the run before it), the datastore edit,
// publishing and invoking. Every engine call goes to the worker; invoking goes
// to the local server's REST route. The state's shape is model/state.ts.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { Newest } from '@/app/_platform/worker/newest';
import type { PipelineEdits, PipelineResponse } from './model/protocol';
import { invokeServerPipeline, listServerPipelines, type ServerPipeline } from './model/server-api';
import { defaultInvokeBody, defaults, INITIAL, runAnnouncement, type PipelineState } from './model/state';
import type { PipelineClient } from './worker/client';

export type { PipelineState } from './model/state';

export const VALIDATE_DELAY_MS = 150;

export type PipelineStore = StoreApi<PipelineState>;

export interface StoreDeps {
  client: PipelineClient;
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  /** window.location.origin: the local server that serves the page. */
  origin: string;
  validateDelayMs?: number;
}

export function createPipelineStore(deps: StoreDeps): PipelineStore {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Only the newest validation's answer is shown; dispose makes every pending one stale.
  const validations = new Newest();

  return createStore<PipelineState>()((set, get) => {
    const edits = (): PipelineEdits => {
      const { params, allowReuse, regenerateOutputs, fault } = get();
      return { parameters: { ...params }, allowReuse: { ...allowReuse }, regenerateOutputs, fault };
    };

    const failed = (response: PipelineResponse, what: string): boolean => {
      if (response.type === 'error') {
        set({ message: `${what}: ${response.message}`, announcement: `${what}.` });
        return true;
      }
      if (response.type === 'invalid') {
        set({ errors: response.errors, message: null, announcement: `${what}: the pipeline has ${response.errors.length} validation problem${response.errors.length === 1 ? '' : 's'}, shown beside the fields and steps.` });
        return true;
      }
      return false;
    };

    const validateNow = async () => {
      const ticket = validations.next();
      const response = await deps.client.request({ type: 'validate', edits: edits() });
      if (validations.isStale(ticket)) return;
      if (response.type === 'validated') set({ errors: response.errors });
      else failed(response, 'Validation failed');
    };

    const scheduleValidate = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        void validateNow();
      }, deps.validateDelayMs ?? VALIDATE_DELAY_MS);
    };

    const load = async (request: { type: 'init' } | { type: 'reset' }) => {
      const response = await deps.client.request(request);
      if (response.type !== 'ready') {
        set({ phase: get().definition ? 'ready' : 'failed', busy: null });
        failed(response, 'The workspace could not be prepared');
        return false;
      }
      const first = get().definition === null;
      set({ definition: response.definition, errors: response.errors, phase: 'ready', message: null, ...(first && defaults(response.definition)) });
      return true;
    };

    return {
      ...INITIAL,

      start() {
        // 'failed' may start again: a model that did not download is fetched anew.
        if (get().phase !== 'idle' && get().phase !== 'failed') return;
        set({ phase: 'loading' });
        void load({ type: 'init' });
      },

      setParameter(name, text) {
        set({ params: { ...get().params, [name]: text } });
        scheduleValidate();
      },

      setAllowReuse(step, allowed) {
        set({ allowReuse: { ...get().allowReuse, [step]: allowed } });
        scheduleValidate();
      },

      setRegenerateOutputs(on) {
        set({ regenerateOutputs: on });
      },

      setFault(fault) {
        set({ fault });
        // The errors shown depend on the fault (a fault lets workspace problems through to run time).
        scheduleValidate();
      },

      async submitRun() {
        if (get().busy || get().phase !== 'ready') return;
        set({ busy: 'run', message: null, announcement: 'Run submitted; the steps are running in the simulator.' });
        const response = await deps.client.request({ type: 'run', edits: edits() });
        set({ busy: null });
        if (failed(response, 'The run was not submitted') || response.type !== 'ran') return;
        const before = get().run;
        set({
          run: response.run,
          previousKeys: before ? Object.fromEntries(before.steps.map((s) => [s.name, s.reuseKey])) : null,
          runDataChange: get().pendingDataChange,
          pendingDataChange: null,
          errors: [],
          announcement: runAnnouncement(response.run),
        });
      },

      async changeData() {
        if (get().busy || get().phase !== 'ready') return;
        set({ busy: 'change-data', message: null });
        const response = await deps.client.request({ type: 'change-data', edits: edits() });
        set({ busy: null });
        if (failed(response, 'The blob could not be changed') || response.type !== 'data-changed') return;
        const { change } = response;
        set({ pendingDataChange: change, announcement: `Rewrote ${change.datastore}/${change.path} with new applicants; its path did not change.` });
      },

      async resetWorkspace() {
        if (get().busy || get().phase !== 'ready') return;
        set({ busy: 'reset', message: null });
        const ok = await load({ type: 'reset' });
        set({ busy: null });
        if (!ok) return;
        set({ run: null, previousKeys: null, pendingDataChange: null, runDataChange: null, published: null, announcement: 'The workspace was reset: no earlier runs, so nothing can be reused.' });
        scheduleValidate();
      },

      async publish() {
        const { busy, phase, definition } = get();
        if (busy || phase !== 'ready' || !definition) return;
        set({ busy: 'publish', message: null });
        let server: ServerPipeline | null = null;
        let serverNote: string | null = null;
        try {
          const list = await listServerPipelines(deps.fetch, deps.origin);
          server = list.find((p) => p.name === definition.pipelineName) ?? list[0] ?? null;
          if (!server) serverNote = 'The local server has no published pipeline, so the command below has nothing to call.';
        } catch (error) {
          serverNote = `The local server's pipeline list could not be read (${error instanceof Error ? error.message : String(error)}).`;
        }
        const response = await deps.client.request({ type: 'publish', edits: edits(), ...(server && { id: server.id }) });
        set({ busy: null });
        if (failed(response, 'The pipeline was not published') || response.type !== 'published') return;
        const { published } = response;
        set({
          published,
          server,
          serverNote,
          invokeBody: get().invokeBody || defaultInvokeBody(get()),
          announcement: `Published as ${published.id}; its REST path is ${published.endpoint}.`,
        });
      },

      setInvokeBody(text) {
        set({ invokeBody: text });
      },

      async invoke() {
        const { server, invoking, invokeBody } = get();
        if (!server || invoking) return;
        set({ invoking: true, invokeResult: null, announcement: `Sending the request to ${server.endpoint}…` });
        const result = await invokeServerPipeline(deps.fetch, `${deps.origin}${server.endpoint}`, invokeBody);
        set({
          invoking: false,
          invokeResult: result,
          announcement: result.ok
            ? `The server answered ${result.status}: ${result.run.id} ${result.run.status}.`
            : `The server refused the request${result.status === null ? '' : ` (HTTP ${result.status})`}: ${result.message}`,
        });
      },

      dispose() {
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        validations.next();
      },
    };
  });
}
