import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { FirstScreenRenderer } from '../../src/shared/first-screen-contract.ts'

/**
 * The board's server-side build (`dist-server/`, made by `npm run build`
 * beside `dist/`), or null without one: pages then go out as built, and the
 * board asks for its first view itself once its scripts run.
 */
export async function loadFirstScreenRenderer(dir: string): Promise<FirstScreenRenderer | null> {
  const file = join(dir, 'render-first-screen.js')
  if (!existsSync(file)) return null
  // React picks its build by NODE_ENV when first imported: a server serving a build renders with React's production build.
  process.env.NODE_ENV ??= 'production'
  const module = (await import(pathToFileURL(file).href)) as Partial<FirstScreenRenderer>
  const { renderFirstScreen, pageAttributes } = module
  if (typeof renderFirstScreen !== 'function' || typeof pageAttributes !== 'function') return null
  return { renderFirstScreen, pageAttributes }
}
