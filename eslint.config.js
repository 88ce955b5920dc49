import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * Imports point one way: shared → lib → api → url-state → presenters → table → detail → board → workload → app.
 * `src/shared/` (what the app server runs too) and `components/ui` are open to all; the feature's shortcuts to the
 * feature.
 */
const LAYER_ORDER = 'shared → lib → api → url-state → presenters → table → detail → board → workload → app'
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
  // The day sheet is a page of its own, reached from the board and the workload by its address.
  { dir: 'src/features/tasks/day-sheet', forbidden: ['board', 'workload', 'app'] },
  // The live updates read the board's queries again; the board mounts them.
  {
    dir: 'src/features/tasks/live',
    forbidden: ['url-state', 'presenters', 'table', 'detail', 'board', 'workload', 'app'],
  },
  // Saved views sit beside the board: they read its URL state, the board shows their parts.
  { dir: 'src/features/views', forbidden: ['board', 'workload', 'app'] },
]

/**
 * The server's folders import one way: store → http → upstream → identity → proxy | counts | views | demo-api →
 * workload | first-view | task-writes | export → task-jobs | live → the front door and its wiring (server/*.ts: app-server, app-services, main). Folders on one
 * step do not import each other; the demo API stands apart and uses http only. Tests and the test kit
 * (server/testing/) may reach anything; benchmark scripts (`bench-*.ts`) are tooling, not a layer.
 */
const SERVER_LAYER_ORDER =
  'store → http → upstream → identity → proxy | counts | views | demo-api → workload | first-view | task-writes | export → task-jobs | live → server/*.ts'
/** The folders above the identity step, which no lower step may import. */
const ABOVE_IDENTITY = [
  'proxy',
  'counts',
  'views',
  'demo-api',
  'workload',
  'first-view',
  'task-writes',
  'export',
  'task-jobs',
  'live',
]
const without = (list, ...dirs) => list.filter((dir) => !dirs.includes(dir))
const serverLayers = [
  { dir: 'store', forbidden: ['http', 'upstream', 'identity', ...ABOVE_IDENTITY] },
  { dir: 'http', forbidden: ['upstream', 'identity', ...ABOVE_IDENTITY] },
  { dir: 'upstream', forbidden: ['identity', ...ABOVE_IDENTITY] },
  { dir: 'identity', forbidden: ABOVE_IDENTITY },
  { dir: 'proxy', forbidden: without(ABOVE_IDENTITY, 'proxy') },
  { dir: 'counts', forbidden: without(ABOVE_IDENTITY, 'counts') },
  { dir: 'views', forbidden: without(ABOVE_IDENTITY, 'views') },
  { dir: 'demo-api', forbidden: ['store', 'upstream', 'identity', ...without(ABOVE_IDENTITY, 'demo-api')] },
  { dir: 'workload', forbidden: without(ABOVE_IDENTITY, 'workload', 'counts') },
  { dir: 'first-view', forbidden: without(ABOVE_IDENTITY, 'first-view', 'proxy') },
  { dir: 'task-writes', forbidden: without(ABOVE_IDENTITY, 'task-writes', 'proxy') },
  { dir: 'export', forbidden: without(ABOVE_IDENTITY, 'export', 'counts') },
  { dir: 'task-jobs', forbidden: without(ABOVE_IDENTITY, 'task-jobs', 'proxy', 'task-writes') },
  { dir: 'live', forbidden: without(ABOVE_IDENTITY, 'live', 'task-writes') },
]
/**
 * The board's modules the app server runs too (the URL codec, the board → API mapping, the wire format, the first
 * screen's contract, the display cookie…) live in src/shared/, which imports nothing else of src/ and no DOM
 * (tsconfig.node.json checks it without one): server/ may import that folder and nothing else of src/.
 */
const serverSrcPatterns = [
  {
    regex: '\\bsrc/(?!shared/)',
    message: 'server/ imports from src/ only src/shared/, the modules both sides run.',
  },
]
const serverLayerPatterns = (dir, forbidden) => [
  ...[...forbidden, 'testing'].map((layer) => ({
    group: [`../${layer}/*`, `../${layer}/**`],
    message: `server/${dir} may not import from server/${layer}: imports point ${SERVER_LAYER_ORDER}.`,
  })),
  {
    group: ['../*.ts'],
    message: `server/${dir} may not import the front door's modules: imports point ${SERVER_LAYER_ORDER}.`,
  },
]

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
    files: ['server/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.ts', '*.config.{ts,js}', '*.ts'],
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
    // What a component renders may not depend on the browser but through its render environment
    // (src/lib/render-environment.tsx): a first screen rendered on the server, and the browser taking it over, must
    // read the same. The page's address and the clock for what no render shows have helpers in src/lib.
    files: ['src/features/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'localStorage', 'sessionStorage'].map((name) => ({
          name,
          message: 'Read the browser through useRenderEnvironment(), or a helper in src/lib for what no render shows.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'Use the render environment’s clock, or wallClock() outside renders.',
        },
        { property: 'resolvedOptions', message: 'Use the render environment’s time zone.' },
      ],
    },
  },
  // The server: src/shared/ alone of src/, and the layers above. One rule each, as ESLint keeps only the last
  // `no-restricted-imports` that matches a file.
  ...[undefined, ...serverLayers].map((layer) => ({
    files: layer ? [`server/${layer.dir}/**/*.ts`] : ['server/**/*.ts'],
    ignores: layer ? ['**/*.test.ts', '**/bench-*.ts'] : [],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...serverSrcPatterns, ...(layer ? serverLayerPatterns(layer.dir, layer.forbidden) : [])] },
      ],
    },
  })),
  {
    // What the server runs of src/ stays closed: nothing of the rest of src/, no React (types aside).
    files: ['src/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/lib/**', '**/features/**', '**/components/**', '**/app/**', '**/server/**'],
              message: 'src/shared/ imports only src/shared/: the app server runs it.',
            },
            {
              group: ['react', 'react-dom', 'react-dom/*', 'react-router', '@tanstack/react-query'],
              allowTypeImports: true,
              message: 'src/shared/ is what the app server runs: no React.',
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
