import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createPicturePolicy } from '../proxy/picture-policy.ts'
import { createStaticHandler } from '../static-files.ts'
import { answersIn, standInRenderer } from '../testing/stand-in-renderer.ts'
import { DEMO_KEY, startApp, type RunningApp } from '../testing/start-app.ts'
import { createFirstView } from './first-view-loader.ts'

let root: string
const apps: Partial<Record<'demo' | 'personal-key' | 'shared-key', RunningApp>> = {}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'first-view-identity-'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><html><head></head><body><div id="root"></div></body></html>')
  for (const mode of ['demo', 'personal-key', 'shared-key'] as const) {
    apps[mode] = await startApp({
      mode,
      frontend: ({ upstream }) =>
        createStaticHandler(root, {
          firstView: createFirstView({
            upstream,
            isAllowedPicture: createPicturePolicy([]),
            waitMs: 5000,
            renderer: standInRenderer(),
          }),
        }),
    })
  }
})

afterAll(async () => {
  await Promise.all(Object.values(apps).map((app) => app.stop()))
  rmSync(root, { recursive: true, force: true })
})

async function handoverOf(app: RunningApp, cookie?: string) {
  return answersIn((await app.call('GET', '/tasks?tab=all&size=25', cookie ? { cookie } : {})).text)
}

test('demo and shared-key mode: every page reads with the server key', async () => {
  for (const app of [apps.demo!, apps['shared-key']!]) {
    const handover = await handoverOf(app)
    expect(handover?.request).toMatch(/^limit=25&offset=0&/)
    expect(handover?.body).toHaveLength(20)
  }
})

test('personal-key mode: nothing before sign-in, the session key after it', async () => {
  const app = apps['personal-key']!
  expect(await handoverOf(app)).toBeNull()
  const signIn = await app.call('POST', '/app/session', { body: { apiKey: DEMO_KEY } })
  const cookie = (signIn.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]).join('; ')
  expect((await handoverOf(app, cookie))?.body).toHaveLength(20)
  expect(await handoverOf(app, 'tb_session=not-a-session')).toBeNull()
})
