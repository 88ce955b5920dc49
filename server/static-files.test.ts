import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { rawRequest } from './testing/hostile-upstream.ts'
import { startApp, type RunningApp } from './testing/start-app.ts'
import { createStaticHandler } from './static-files.ts'

let root: string
let app: RunningApp

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'static-files-'))
  mkdirSync(join(root, 'assets'))
  mkdirSync(join(root, '.git'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>board</title>')
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)\n//# sourceMappingURL=index-abc.js.map')
  writeFileSync(join(root, 'assets', 'index-abc.js.map'), '{"sources":["../src/secret-logic.ts"]}')
  writeFileSync(join(root, '.env'), 'TASKS_API_KEY=id:secret')
  writeFileSync(join(root, 'assets', '.htpasswd'), 'admin:hash')
  writeFileSync(join(root, '.git', 'config'), '[remote "origin"]')
  app = await startApp({
    mode: 'shared-key',
    upstream: 'http://127.0.0.1:1/v2',
    serverKey: 'k',
    store: false,
    frontend: () => createStaticHandler(root),
  })
})

afterAll(async () => {
  await app.stop()
  rmSync(root, { recursive: true, force: true })
})

/** What each path gets, checked to hand out nothing of the files that must stay private. */
async function servedFor(paths: string[]) {
  const served = []
  for (const path of paths) {
    const answer = await rawRequest(app.url, path, { headers: { host: '127.0.0.1' } })
    expect(answer.text, path).not.toMatch(/secret|hash|remote|sources/)
    served.push({ path, ...answer })
  }
  return served
}

test('serves the built files', async () => {
  expect((await rawRequest(app.url, '/assets/index-abc.js', { headers: { host: '127.0.0.1' } })).status).toBe(200)
  expect((await rawRequest(app.url, '/tasks', { headers: { host: '127.0.0.1' } })).text).toContain('board')
})

test('serves no dotfile and no source map, however the path is spelt', async () => {
  const served = await servedFor([
    '/.env',
    '/%2eenv',
    '/assets/.htpasswd',
    '/.git/config',
    '/assets/../.env',
    '/assets/index-abc.js.map',
    '/assets/index-abc.js%2emap',
  ])
  for (const { path, status } of served) expect(status, path).toBe(404)
})

test('every task link is the board, never a file, whatever it holds', async () => {
  mkdirSync(join(root, 'tasks'), { recursive: true })
  writeFileSync(join(root, 'tasks', 'notes.txt'), 'TASKS_API_KEY=id:secret')
  const served = await servedFor([
    '/tasks/.env',
    '/tasks/..%2F.env',
    '/tasks/..%2F..%2Fetc%2Fpasswd',
    '/tasks/%2e%2e/assets/index-abc.js.map',
    '/tasks/notes.txt',
    '/tasks/%E0%A4%A',
  ])
  for (const { path, status, text } of served) {
    expect(status, path).toBe(200)
    expect(text, path).toContain('<title>board</title>')
  }
})
