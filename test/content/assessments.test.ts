import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drillSectionProblems, loadQuiz, parseContentJson } from '@/app/_content/assessments';
import { cardsSchema, drillsSchema, quizSchema } from '@/app/_content/assessment-schema';
import { ContentError } from '@/app/_content/content-error';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

function errorOf(run: () => unknown): ContentError {
  try {
    run();
  } catch (e) {
    if (e instanceof ContentError) return e;
    throw e;
  }
  throw new Error('expected a ContentError');
}

describe('quiz schema', () => {
  it('accepts a valid quiz', () => {
    const quiz = parseContentJson('quiz.json', fixture('quiz-valid.json'), quizSchema, 'questions');
    expect(quiz.questions.map((q) => q.type)).toEqual(['single', 'multi', 'truefalse', 'order']);
  });

  it('names the file, the question id and the field for each broken question', () => {
    const error = errorOf(() => parseContentJson('content/x/quiz.json', fixture('quiz-broken.json'), quizSchema, 'questions'));
    expect(error.file).toBe('content/x/quiz.json');
    expect(error.message).toMatch(/question "q-answer-missing" → answer\.0: "z" is not one of the choice ids/);
    expect(error.message).toMatch(/question "q-bad-type" → type/);
    expect(error.message).toMatch(/question "q-multi-one" → answer: a multi question has two or more answer ids/);
    expect(error.message).toMatch(/question "q-order-short" → answer: an order question lists every choice id/);
    expect(error.message).toMatch(/question "q-no-expl" → choices\.1\.explanation/);
    expect(error.message).toMatch(/question "q-dup" → id: duplicate id/);
  });

  it('rejects JSON that does not parse', () => {
    expect(errorOf(() => parseContentJson('q.json', '{ nope', quizSchema, 'questions')).message).toMatch(/q\.json[\s\S]*not valid JSON/);
  });
});

describe('cards and drills schemas', () => {
  it('rejects a card without a back', () => {
    const text = JSON.stringify({ cards: [{ id: 'c1', section: 's', front: 'Q?' }] });
    expect(errorOf(() => parseContentJson('cards.json', text, cardsSchema, 'cards')).message).toMatch(/card "c1" → back/);
  });

  it('rejects a drill whose cue words are not in its text, and an unknown service', () => {
    const text = JSON.stringify({
      scenarios: [{ id: 'd1', chapter: '095-x', section: 'intro', text: 'Score 5 million rows every night.', pattern: 'batch', service: 'azure-functions', cues: ['every night', 'low latency'], explanation: 'x' }],
    });
    const message = errorOf(() => parseContentJson('drills.json', text, drillsSchema, 'scenarios')).message;
    expect(message).toMatch(/scenario "d1" → cues\.1: cue "low latency" does not appear/);
    expect(message).toMatch(/scenario "d1" → service/);
    expect(message).not.toMatch(/cues\.0/);
  });

  it('names a drill without a section, and one whose chapter or section does not exist', () => {
    const base = { text: 'Score 5 million rows every night.', pattern: 'batch', service: 'batch-endpoint', cues: ['every night'], explanation: 'x' };
    const missing = JSON.stringify({ scenarios: [{ id: 'd1', chapter: '095-x', ...base }] });
    expect(errorOf(() => parseContentJson('content/drills/d.json', missing, drillsSchema, 'scenarios')).message).toMatch(/content\/drills\/d\.json[\s\S]*scenario "d1" → section/);
    const drills = drillsSchema.parse({
      scenarios: [
        { id: 'd1', chapter: '095-x', section: 'intro', ...base },
        { id: 'd2', chapter: '095-x', section: 'nowhere', ...base },
        { id: 'd3', chapter: '097-y', section: 'intro', ...base },
      ],
    });
    expect(drillSectionProblems(drills, { '095-x': ['intro'] })).toEqual([
      'scenario "d2" → section: "nowhere" is not a heading id in chapter 095-x',
      'scenario "d3" → chapter: "097-y" is not a chapter of the course',
    ]);
  });
});

describe('lab links in quiz and drill files', () => {
  const question = (lab: unknown) => ({
    id: 'q-linked',
    section: 'intro',
    type: 'single',
    prompt: 'Which?',
    choices: [
      { id: 'a', text: 'A', explanation: 'Because.' },
      { id: 'b', text: 'B', explanation: 'Because not.' },
    ],
    answer: ['a'],
    lab,
  });
  const load = (lab: unknown) => {
    const root = mkdtempSync(join(tmpdir(), 'lab-link-'));
    mkdirSync(join(root, 'chapters', '095-x'), { recursive: true });
    writeFileSync(join(root, 'chapters', '095-x', 'quiz.json'), JSON.stringify({ passPercent: 60, questions: [question(lab)] }));
    return () => loadQuiz('095-x', ['intro'], root);
  };
  const good = { state: 'node_count=8', watch: 'Watch the duration.', show: 'duration', expect: { status: 'Completed' } };

  it('accepts a valid link and stores the full lab state it opens', () => {
    const lab = load(good)()?.questions[0]?.lab;
    expect(lab?.state).toMatch(/^dataset=tabular&rows=100000&.*node_count=8/);
  });

  it('fails the build with the file, the question id and the field when the lab would reject the settings', () => {
    const error = errorOf(load({ ...good, state: 'node_count=99&mini_batch_size=12QB' }));
    expect(error.file).toBe('content/chapters/095-x/quiz.json');
    expect(error.message).toMatch(/question "q-linked" → lab\.state\.node_count: .*99/);
    expect(error.message).toMatch(/question "q-linked" → lab\.state\.mini_batch_size: .*12QB/);
  });

  it('names the link fields the schema rejects', () => {
    const error = errorOf(load({ ...good, show: 'log', expect: {} }));
    expect(error.message).toMatch(/question "q-linked" → lab\.log: show "log" needs log\.file and log\.find/);
    expect(error.message).toMatch(/question "q-linked" → lab\.expect: must claim at least one thing/);
  });
});
