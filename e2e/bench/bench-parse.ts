import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { config as zodConfig, globalConfig as zodGlobalConfig } from 'zod/v4/core'
import { median } from './bench-stats.ts'

const WARM_UP = 5
const SAMPLES = 20

export interface ParseTiming {
  /** Median of SAMPLES timed calls of parseRows over the same parsed JSON. */
  ms: number
  samples: number[]
  rows: number
  /** One JSON.parse of the body, for scale: the browser pays it too. */
  jsonParseMs: number
}

type ParseRows = (body: unknown, schema: unknown, what: string) => unknown

/**
 * Loads the app's own row parser and task schema from src/ (Node strips their
 * types) and returns a timer for it. The modules are read at run time, not
 * compiled into the benchmark, so it measures whatever src/ holds now.
 */
export async function loadRowParser(projectRoot: string): Promise<(body: string) => ParseTiming> {
  // Object schemas decide between compiled and interpreted parsing when they are built, and the
  // browser (CSP without eval) always interprets: set before src/ builds its schemas, as the app does.
  zodConfig({ jitless: true })
  const parseRowsFile = join(projectRoot, 'src/features/tasks/api/parse-rows.ts')
  const schemasFile = join(projectRoot, 'src/shared/tasks/api/schemas.ts')
  const parseModule = (await import(pathToFileURL(parseRowsFile).href)) as Record<string, unknown>
  const schemaModule = (await import(pathToFileURL(schemasFile).href)) as Record<string, unknown>
  const parseRows = parseModule.parseRows
  const taskSchema = schemaModule.taskSchema
  if (typeof parseRows !== 'function') throw new Error('src/features/tasks/api/parse-rows.ts exports no parseRows')
  if (typeof taskSchema !== 'object' || taskSchema === null || !('safeParse' in taskSchema)) {
    throw new Error('src/shared/tasks/api/schemas.ts exports no taskSchema')
  }
  if (zodGlobalConfig.jitless !== true)
    throw new Error('zod is not jitless after loading src/; the figure would not match the browser')
  const parse = parseRows as ParseRows

  return (text: string) => {
    const jsonStarted = performance.now()
    const body: unknown = JSON.parse(text)
    const jsonParseMs = performance.now() - jsonStarted
    const first = parse(body, taskSchema, 'tasks')
    const rows = rowsOf(first)
    for (let round = 1; round < WARM_UP; round += 1) parse(body, taskSchema, 'tasks')
    const samples: number[] = []
    for (let round = 0; round < SAMPLES; round += 1) {
      const started = performance.now()
      parse(body, taskSchema, 'tasks')
      samples.push(performance.now() - started)
    }
    return { ms: median(samples) ?? Number.NaN, samples, rows, jsonParseMs }
  }
}

/** parseRows returns `{ rows, skipped }`; a bare array is accepted too, should that change. */
function rowsOf(result: unknown): number {
  if (Array.isArray(result)) return result.length
  if (typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows)) {
    return result.rows.length
  }
  throw new Error('parseRows returned neither { rows } nor an array')
}
