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

const config = [
  { ignores: ['.next/**', 'node_modules/**', 'public/**', 'next-env.d.ts', 'coverage/**', '.scratch/**'] },
  ...next,
  ...nextTs,
  engineRules,
  ...boundaryRules,
];

export default config;
