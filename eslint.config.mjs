import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// engine/ is the pure simulation core: no UI frameworks, no DOM, no wall clock,
// no unseeded randomness. These rules keep it runnable in Node and in a worker.
const engineRules = {
  files: ['engine/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'next', 'next/*', 'zustand', 'zustand/*', 'recharts', '@/app/*', '../app/*', '../../app/*'],
          message: 'engine/ must stay free of React, Next, zustand, recharts and app code.' },
      ],
    }],
    'no-restricted-globals': ['error',
      { name: 'window', message: 'engine/ must not touch the DOM.' },
      { name: 'document', message: 'engine/ must not touch the DOM.' },
      { name: 'localStorage', message: 'engine/ must not touch browser storage.' },
    ],
    'no-restricted-properties': ['error',
      { object: 'Math', property: 'random', message: 'Use createRandom(seed) from engine/random.ts.' },
      { object: 'Date', property: 'now', message: 'The engine runs in virtual time.' },
    ],
  },
};

// app/_platform/ is what every simulator shares: it imports no feature. A
// feature (app/_features/<name>/) imports the platform and the engine, never
// another feature's insides (nor the old widget folders).
const OLD_APP_FOLDERS = ['@/app/_components/*', '@/app/_lab/*', '@/app/_workers/*', '@/app/_progress/*', '@/app/_quiz/*', '@/app/_content/*'];
const FEATURES = ['lab', 'pipeline', 'compare', 'schedule'];
const boundaryRules = [
  {
    files: ['app/_platform/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@/app/_features/*', '**/_features/*', ...OLD_APP_FOLDERS], message: 'app/_platform/ must not import a feature or app code outside the platform.' }],
      }],
    },
  },
  ...FEATURES.map((feature) => ({
    files: [`app/_features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          group: [...FEATURES.filter((f) => f !== feature).flatMap((f) => [`@/app/_features/${f}/*`, `**/_features/${f}/*`]), ...OLD_APP_FOLDERS],
          message: 'A feature imports app/_platform and the engine, never another feature or the older app folders.',
        }],
      }],
    },
  })),
];

// The lab's main thread (everything in app/_features/lab/ but its worker/) validates settings as the
// learner types, with the engine's own rules. It imports the few light engine modules it needs, never
// the engine barrel or a room's index: those bring the simulator, the datasets and luxon, which only
// the worker runs, into the page's first load (issue 13). Types may come from anywhere.
const LAB_MAIN_THREAD_ENGINE_MODULES = [
  'parallel-run/parse-config', // validateSimulation, parseParallelRunConfig
  'parallel-run/validate-config',
  'parallel-run/compute',
  'parallel-run/defaults',
  'parallel-run/size',
  'parallel-run/outcome',
  'parallel-run/logs',
  'parallel-run/output', // formats append_row lines; imports only dataset/row-table's id helpers
  'onnx/metrics',
  // The SDK dialects' schemas and mapping: checks and plain data, no simulator.
  'dialects/dialect',
  'dialects/parse',
  'dialects/convert',
  'dialects/conflicts',
  'dialects/spec',
  'dialects/program-arguments',
];
const labMainThreadRule = {
  files: ['app/_features/lab/**/*.{ts,tsx}'],
  ignores: ['app/_features/lab/worker/**'],
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', {
      patterns: [{
        regex: `^@/engine/(?!(${LAB_MAIN_THREAD_ENGINE_MODULES.join('|')})$)`,
        allowTypeImports: true,
        message: `The lab's main thread imports only light engine modules (${LAB_MAIN_THREAD_ENGINE_MODULES.join(', ')}): the barrel and the room indexes bring worker-only code (simulator, datasets, luxon) into the first load. Add a light module to the list in eslint.config.mjs if it imports nothing heavy.`,
      }],
    }],
  },
};

const config = [
  { ignores: ['.next/**', 'node_modules/**', 'public/**', 'next-env.d.ts', 'coverage/**', '.scratch/**'] },
  ...next,
  ...nextTs,
  engineRules,
  ...boundaryRules,
  labMainThreadRule,
];

export default config;
