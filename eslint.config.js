// Lint rules for ColdBoot. The important one: models/ stays pure TypeScript, so it can run in the
// browser worker, in Node and in many workers at once. It may not import React, the DOM, zustand,
// the d3 modules that touch the DOM, or Node, nor touch browser or Node globals.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const forbiddenInModels = [
  { group: ['react', 'react-*', 'react/*'], message: 'models/ must not import React.' },
  { group: ['zustand', 'zustand/*'], message: 'models/ must not import zustand.' },
  {
    // House rule: models/ imports no d3 at all (its few statistics are its own).
    group: [
      'd3',
      'd3-*',
      'd3-selection',
      'd3-transition',
      'd3-axis',
      'd3-brush',
      'd3-drag',
      'd3-zoom',
      'd3-fetch',
      'd3-timer',
    ],
    message: 'models/ must not import d3 (house rule).',
  },
  {
    group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process', 'url', 'process'],
    message: 'models/ must not import Node modules.',
  },
  {
    group: ['**/src/**', '../src/*', '../../src/*'],
    message: 'models/ must not import from src/.',
  },
];

// The layers of models/, bottom to top: math, the parameters, the core (state layout, actions, random
// numbers, clock), the devices, the body's physiology, the engine (the patient assembled and stepped,
// the simulation, its outputs), scenarios, ensembles, validation.
const MODEL_LAYERS = [
  'math',
  'parameters',
  'core',
  'devices',
  'physiology',
  'engine',
  'scenario',
  'ensemble',
  'validation',
];
/** Upward imports allowed as types only: layer → the layers above it it may name types of. */
const TYPE_ONLY_UPWARD = {
  core: ['devices'],
  devices: ['engine'],
  engine: ['scenario'],
};

// ECMAScript leaves these Math functions approximate, and engines differ in their last bits (Node's
// and Chromium's V8 disagree on about 1 Math.pow in 10), so a run would not replay bit for bit in
// another engine. models/ uses the fdlibm ports of models/math/detmath.ts instead.
const approximateMath = [
  'pow',
  'exp',
  'expm1',
  'log',
  'log1p',
  'log2',
  'log10',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'atan2',
  'sinh',
  'cosh',
  'tanh',
  'asinh',
  'acosh',
  'atanh',
  'cbrt',
  'hypot',
];
const neverEvaluate = [
  { selector: "CallExpression[callee.name='eval']", message: 'Never evaluate code.' },
  { selector: "NewExpression[callee.name='Function']", message: 'Never evaluate code.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': ['error', ...neverEvaluate],
    },
  },
  {
    files: ['models/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', { patterns: forbiddenInModels }],
      'no-restricted-properties': [
        'error',
        ...approximateMath.map((property) => ({
          object: 'Math',
          property,
          message: `Math.${property} differs between JavaScript engines; use models/math/detmath.ts.`,
        })),
      ],
      'no-restricted-syntax': [
        'error',
        ...neverEvaluate,
        {
          selector: "BinaryExpression[operator='**'], AssignmentExpression[operator='**=']",
          message:
            '`**` is Math.pow, which differs between JavaScript engines; use pow() of models/math/detmath.ts.',
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'self',
          'navigator',
          'localStorage',
          'sessionStorage',
          'process',
          'Buffer',
          'require',
          'global',
          'globalThis',
          'postMessage',
          'fetch',
          'performance',
          'setTimeout',
          'setInterval',
        ].map((name) => ({
          name,
          message: `models/ is pure: '${name}' is a browser or Node global.`,
        })),
      ],
    },
  },
  // The layers of models/, bottom to top (doc/implementation-notes.md, "Layers"): a layer imports
  // only the layers below it. A few type-only imports upward are allowed where a lower layer names a
  // type an upper one defines (the fault kinds, the snapshot, a scenario's conditions); they vanish
  // from the built code and cannot make a cycle at run time.
  ...MODEL_LAYERS.map((layer, index) => ({
    files: [`models/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbiddenInModels,
            ...MODEL_LAYERS.slice(index + 1).map((above) => ({
              group: [`**/${above}/*`, `**/${above}`],
              message: `models/${layer} must not import models/${above} (a layer above it).`,
              allowTypeImports: (TYPE_ONLY_UPWARD[layer] ?? []).includes(above),
            })),
          ],
        },
      ],
    },
  })),
  {
    // The live class server runs in Node; the React app is the browser's.
    files: ['src/classroom/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/app/*', '**/app'],
              message: 'src/classroom must not import the React app (src/app).',
            },
          ],
        },
      ],
    },
  },
  {
    // The store and the worker sit below the React app: the app reads them, never the reverse.
    files: ['src/state/**/*.ts', 'src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/app/*', '**/app'],
              message: 'src/state and src/worker must not import the React app (src/app).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/state/**/*.ts', 'src/worker/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: [
      'src/cli/**/*.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.{ts,js}',
      'bin/**/*.js',
      '*.config.{js,ts}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);
