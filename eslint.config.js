// Lint: ESLint's and typescript-eslint's recommended rules, React hooks rules, and the project's
// own layer rule, which keeps each folder to the runtime it runs in (see docs/architecture in README).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import pressroom from './eslint-rules/layer-boundaries.js';

const root = dirname(fileURLToPath(import.meta.url));

/** Packages that need Node or Electron: never in the renderer or shared/. */
const nodeOnlyPackages = [
  'electron',
  'electron-store',
  'conf',
  'write-file-atomic',
  'playwright-core',
  'esbuild',
  'vite',
];
/** UI packages: never in shared/ or the main-process side. */
const uiPackages = [
  'react',
  'react-dom',
  'react-i18next',
  'i18next',
  '@tiptap/react',
  '@tiptap/starter-kit',
  '@tiptap/pm',
];

export const layers = [
  {
    folder: 'shared',
    mayImport: [],
    forbiddenPackages: [...nodeOnlyPackages, ...uiPackages],
    nodeBuiltins: false,
  },
  { folder: 'renderer', mayImport: ['shared'], forbiddenPackages: nodeOnlyPackages, nodeBuiltins: false },
  {
    folder: 'electron/core',
    mayImport: ['shared'],
    forbiddenPackages: ['electron', 'electron-store', ...uiPackages],
    nodeBuiltins: true,
  },
  {
    folder: 'electron/main',
    mayImport: ['shared', 'electron/core'],
    forbiddenPackages: uiPackages,
    nodeBuiltins: true,
  },
  { folder: 'electron/preload', mayImport: ['shared'], forbiddenPackages: uiPackages, nodeBuiltins: false },
  {
    folder: 'electron/web',
    mayImport: ['shared', 'electron/core'],
    forbiddenPackages: ['electron', 'electron-store', ...uiPackages],
    nodeBuiltins: true,
  },
  {
    folder: 'electron/cli',
    mayImport: ['shared', 'electron/core'],
    forbiddenPackages: ['electron', 'electron-store', ...uiPackages],
    nodeBuiltins: true,
  },
];

/** DOM and I/O globals that pure shared/ code must not touch. */
const impureGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'fetch',
  'XMLHttpRequest',
  'process',
  'Buffer',
  'require',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'coverage/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**', 'electron/**', 'renderer/**'],
    plugins: { pressroom },
    rules: { 'pressroom/layer-boundaries': ['error', { root, layers }] },
  },
  {
    files: ['shared/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': [
        'error',
        ...impureGlobals.map((name) => ({ name, message: 'shared/ is pure: no DOM, no I/O.' })),
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
