import { z } from 'zod';
import { LINK_FAILURES, LINK_SWEEP_CLAIMS, WATCH_TARGETS } from '@/app/_features/lab/model/watch';

/**
 * Zod skips refinements once any field has failed. These guards let a refinement
 * run anyway when the fields it reads are well-formed, so one pass reports every problem.
 */
const isIdList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof (x as { id?: unknown })?.id === 'string');
const isStringList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
const whenValid = (ok: (v: Record<string, unknown>) => boolean) => ({
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null && ok(payload.value as Record<string, unknown>),
});

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase kebab-case');
// Heading ids come from github-slugger, which keeps underscores (e.g. "mini_batch_size").
const anchor = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be a heading id: lowercase letters, digits, - and _');
const text = z.string().trim().min(1, 'must not be empty');

const someOrNone = z.enum(['some', 'none']);
const claimSchema = z
  .object({
    status: z.enum(['Completed', 'Failed']),
    failure: z.enum(LINK_FAILURES),
    failedMiniBatches: someOrNone,
    retries: someOrNone,
    timeouts: someOrNone,
    preemptions: someOrNone,
    output: z.enum(['file', 'none']),
    log: z.literal(true),
    sweep: z.enum(LINK_SWEEP_CLAIMS),
    workers: z.number().int().min(1),
    startupOver: z.number().min(0),
  })
  .partial()
  .strict()
  .refine((claim) => Object.keys(claim).length > 0, 'must claim at least one thing the run shows');

/**
 * "See it in the lab": a lab state (the lab's URL keys, optionally starting
 * from a preset), one sentence on what to watch, what to highlight, and the
 * claim a content test checks against the real run. The loader checks the
 * state with the lab's own validation.
 */
const labLinkSchema = z
  .object({
    state: z.string().trim().min(1, 'must name a preset or at least one lab setting'),
    watch: text,
    show: z.enum(WATCH_TARGETS),
    log: z.object({ file: text, find: text }).strict().optional(),
    expect: claimSchema,
  })
  .strict()
  .superRefine((link, ctx) => {
    if (link.show === 'log' && !link.log) ctx.addIssue({ code: 'custom', path: ['log'], message: 'show "log" needs log.file and log.find' });
    if (link.expect.log && !link.log) ctx.addIssue({ code: 'custom', path: ['expect', 'log'], message: 'expect.log needs log.file and log.find' });
    const sweep = link.show === 'node_count-sweep' || link.show === 'mini_batch_size-sweep';
    if (link.expect.sweep && !sweep) ctx.addIssue({ code: 'custom', path: ['expect', 'sweep'], message: 'a sweep claim needs show "node_count-sweep" or "mini_batch_size-sweep"' });
  });

const choiceSchema = z.object({ id, text, explanation: text }).strict();

const questionSchema = z
  .object({
    id,
    section: anchor,
    type: z.enum(['single', 'multi', 'truefalse', 'order', 'scenario']),
    prompt: text,
    choices: z.array(choiceSchema).min(2, 'needs at least 2 choices').max(8),
    answer: z.array(id).min(1, 'needs at least one answer id'),
    lab: labLinkSchema.optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const ids = q.choices.map((c) => c.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'choice ids must be unique' });
    for (const [i, a] of q.answer.entries()) {
      if (!ids.includes(a)) ctx.addIssue({ code: 'custom', path: ['answer', i], message: `"${a}" is not one of the choice ids ${ids.join(', ')}` });
    }
    const problem = answerShapeProblem(q.type, ids, q.answer);
    if (problem) ctx.addIssue({ code: 'custom', path: ['answer'], message: problem });
  }, whenValid((q) => isIdList(q.choices) && isStringList(q.answer) && typeof q.type === 'string'));

function answerShapeProblem(type: string, ids: string[], answer: string[]): string | null {
  if (type === 'truefalse' && (ids.length !== 2 || !ids.includes('true') || !ids.includes('false'))) return 'a truefalse question needs exactly the choices "true" and "false"';
  if ((type === 'single' || type === 'scenario' || type === 'truefalse') && answer.length !== 1) return `a ${type} question has exactly one answer id`;
  if (type === 'multi' && answer.length < 2) return 'a multi question has two or more answer ids';
  if (type === 'order' && (answer.length !== ids.length || new Set(answer).size !== ids.length)) return 'an order question lists every choice id exactly once, in order';
  return null;
}

export const quizSchema = z
  .object({
    passPercent: z.number().int().min(1).max(100),
    questions: z.array(questionSchema).min(1, 'needs at least one question'),
  })
  .strict()
  .superRefine((quiz, ctx) => uniqueIds(quiz.questions, ['questions'], ctx), whenValid((q) => isIdList(q.questions)));

export const cardsSchema = z
  .object({
    cards: z.array(z.object({ id, section: anchor, front: text, back: text }).strict()).min(1),
  })
  .strict()
  .superRefine((deck, ctx) => uniqueIds(deck.cards, ['cards'], ctx), whenValid((d) => isIdList(d.cards)));

export const drillService = z.enum(['pipeline-parallel-run-step', 'batch-endpoint', 'managed-online-endpoint', 'kubernetes-online-endpoint']);

const scenarioSchema = z
  .object({
    id,
    // The chapter section the scenario practises, for readiness by section and "practise these" sessions.
    chapter: z.string().regex(/^\d{3}-[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a chapter slug such as 095-azure-ml-pipelines-batch-inference'),
    section: anchor,
    text,
    pattern: z.enum(['batch', 'real-time']),
    service: drillService,
    cues: z.array(text).min(1),
    explanation: text,
    lab: labLinkSchema.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    for (const [i, cue] of s.cues.entries()) {
      if (!s.text.toLowerCase().includes(cue.toLowerCase())) ctx.addIssue({ code: 'custom', path: ['cues', i], message: `cue "${cue}" does not appear in the scenario text` });
    }
  }, whenValid((s) => typeof s.text === 'string' && isStringList(s.cues)));

export const drillsSchema = z
  .object({ scenarios: z.array(scenarioSchema).min(1) })
  .strict()
  .superRefine((d, ctx) => uniqueIds(d.scenarios, ['scenarios'], ctx), whenValid((d) => isIdList(d.scenarios)));

function uniqueIds(list: { id: string }[], path: PropertyKey[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
}

export type Quiz = z.output<typeof quizSchema>;
export type Question = Quiz['questions'][number];
export type CardDeck = z.output<typeof cardsSchema>;
export type Card = CardDeck['cards'][number];
export type Drills = z.output<typeof drillsSchema>;
export type DrillScenario = Drills['scenarios'][number];
