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

const config = [
  { ignores: ['.next/**', 'node_modules/**', 'public/**', 'next-env.d.ts', 'coverage/**', '.scratch/**'] },
  ...next,
  ...nextTs,
  engineRules,
];

export default config;
