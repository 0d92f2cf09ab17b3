import type { Question } from '@/app/_content/assessment-schema';

const choice = (id: string, text = `Choice ${id}`) => ({ id, text, explanation: `Why ${id}` });

export function single(id: string, answer = 'a', section = 'intro'): Question {
  return { id, section, type: 'single', prompt: `Prompt ${id}`, choices: ['a', 'b', 'c', 'd'].map((c) => choice(c)), answer: [answer] };
}

export function multi(id: string, answer: string[], section = 'intro'): Question {
  return { id, section, type: 'multi', prompt: `Prompt ${id}`, choices: ['a', 'b', 'c', 'd'].map((c) => choice(c)), answer };
}

export function order(id: string, answer: string[], section = 'steps'): Question {
  return { id, section, type: 'order', prompt: `Prompt ${id}`, choices: [...answer].sort().map((c) => choice(c)), answer };
}

export function truefalse(id: string, answer: 'true' | 'false', section = 'intro'): Question {
  return { id, section, type: 'truefalse', prompt: `Prompt ${id}`, choices: [choice('true', 'True'), choice('false', 'False')], answer: [answer] };
}

/** n single-answer questions q1..qn, all with answer "a". */
export function singles(n: number): Question[] {
  return Array.from({ length: n }, (_, i) => single(`q${i + 1}`));
}
