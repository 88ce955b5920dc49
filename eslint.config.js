import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * Imports point one way: lib → api → url-state → presenters → table → detail → board → workload → app.
 * `components/ui` is open to all; the feature's catalogues (catalog.ts, shortcuts.ts) to the feature.
 */
const LAYER_ORDER = 'lib → api → url-state → presenters → table → detail → board → workload → app'
const layers = [
  { dir: 'src/lib', forbidden: ['features', 'app', 'components'] },
  {
    dir: 'src/features/tasks/api',
    forbidden: ['url-state', 'presenters', 'table', 'detail', 'board', 'workload', 'app'],
  },
  { dir: 'src/features/tasks/url-state', forbidden: ['presenters', 'table', 'detail', 'board', 'workload', 'app'] },
  { dir: 'src/features/tasks/presenters', forbidden: ['table', 'detail', 'board', 'workload', 'app'] },
  { dir: 'src/features/tasks/table', forbidden: ['detail', 'board', 'workload', 'app'] },
  { dir: 'src/features/tasks/detail', forbidden: ['board', 'workload', 'app'] },
  { dir: 'src/features/tasks/board', forbidden: ['workload', 'app'] },
  { dir: 'src/features/tasks/workload', forbidden: ['app'] },
  // Saved views sit beside the board: they read its URL state, the board shows their parts.
  { dir: 'src/features/views', forbidden: ['board', 'workload', 'app'] },
]

/** The board's modules the app server runs: to hand over the first view (server/first-view/), to canonicalise saved views' queries, and the prefixes both sides call each other under. */
const SHARED_WITH_SERVER = [
  'app/first-screen-contract.ts',
  'features/tasks/api/first-view-handover.ts',
  'features/tasks/api/list-query.ts',
  'features/tasks/table/column-sizes.ts',
  'features/tasks/url-state/board-query.ts',
  'features/tasks/url-state/board-search.ts',
  'features/tasks/url-state/paths.ts',
  'features/views/bare-board-arrival.ts',
  'lib/app-paths.ts',
  'lib/display-cookie.ts',
]

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-baseline',
      'dist-server',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The benchmark's baseline page is browser code too.
    files: ['src/**/*.{ts,tsx}', 'e2e/bench/baseline/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['server/**/*.ts', 'e2e/**/*.ts', '*.config.{ts,js}', '*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // Playwright reads a fixture's dependencies from its destructuring pattern, even an empty one.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    // The demo API is an independent implementation of the contract; the app must not lean on it.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**'], message: 'src/ never imports server/.' }] },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/**'], message: 'server/ never imports src/.' }] },
      ],
    },
  },
  {
    // The first view the server hands over must be the board's own request for the page: one URL codec, one
    // board → API mapping. Only these pure modules (checked without the DOM in tsconfig.node.json) may be shared.
    files: [
      'server/first-view/**/*.ts',
      'server/views/canonical-board-query.ts',
      'server/views/column-widths.ts',
      'server/http/app-router.ts',
      'server/app-server.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Any path into src/ but `../../src/<one of them>` (`../src/` from the server's root).
              regex: `^(?!(?:\\.\\./){1,2}src/(?:${SHARED_WITH_SERVER.map(escapeRegex).join('|')})$).*\\bsrc/`,
              message: `server/ imports from src/ only ${SHARED_WITH_SERVER.join(', ')}, in server/first-view/, the views' canonical query and column widths, the app router and the front door.`,
            },
          ],
        },
      ],
    },
  },
  ...layers.map(({ dir, forbidden }) => ({
    files: [`${dir}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**'], message: 'src/ never imports server/.' },
            ...forbidden.map((layer) => ({
              group: [`**/${layer}/**`, `../${layer}/*`, `../../${layer}/*`, `../../../${layer}/*`],
              message: `${dir} may not import from ${layer}: imports point ${LAYER_ORDER}.`,
            })),
          ],
        },
      ],
    },
  })),
)
