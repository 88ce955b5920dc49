import { afterAll, beforeAll, expect, test } from 'vitest'
import { createDemoApi, readDemoApiConfig } from './demo-api.ts'
import { startDemoServer, type RunningDemoServer } from './demo-server.ts'
import { MAX_QUEUED_FAULTS } from './faults.ts'

let demo: RunningDemoServer

beforeAll(async () => {
  const api = createDemoApi(readDemoApiConfig({ DEMO_FAULTS: '1', DEMO_TASKS: '20' }))
  demo = await startDemoServer(api, { host: '127.0.0.1', port: 0 })
})
afterAll(() => demo.close())

const post = (headers: Record<string, string>, body = '{"status":503}') =>
  fetch(`${demo.origin}/__demo/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })

test('refuses cross-site requests to add or clear faults', async () => {
  for (const headers of [
    { origin: 'https://evil.example' },
    { origin: 'null' },
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
  ] as Record<string, string>[]) {
    expect((await post(headers)).status, JSON.stringify(headers)).toBe(403)
    expect((await fetch(`${demo.origin}/__demo/faults`, { method: 'DELETE', headers })).status).toBe(403)
  }
  expect((await fetch(`${demo.baseUrl}/taskTypes/`, { headers: { 'x-api-key': 'demo-key:demo-secret' } })).status).toBe(
    200,
  )
  expect((await post({ origin: demo.origin, 'sec-fetch-site': 'same-origin' })).status).toBe(204)
  expect((await fetch(`${demo.origin}/__demo/faults`, { method: 'DELETE' })).status).toBe(204)
})

test('bounds its queue', async () => {
  for (let index = 0; index < MAX_QUEUED_FAULTS; index += 1) expect((await post({})).status).toBe(204)
  const full = await post({})
  expect(full.status).toBe(400)
  expect(await full.text()).toContain('queue is full')
  await fetch(`${demo.origin}/__demo/faults`, { method: 'DELETE' })
  expect((await post({})).status).toBe(204)
  await fetch(`${demo.origin}/__demo/faults`, { method: 'DELETE' })
})
