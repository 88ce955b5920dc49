import { afterAll, beforeAll, expect, test } from 'vitest'
import { rawRequest, startHostileUpstream, type HostileUpstream } from '../testing/hostile-upstream.ts'
import { startApp, type InProcessApp } from '../testing/start-app.ts'

const SERVER_KEY = 'server-id:server-secret-0123'

let upstream: HostileUpstream
let app: InProcessApp

beforeAll(async () => {
  upstream = await startHostileUpstream()
  app = await startApp({ mode: 'shared-key', upstream: `${upstream.origin}/v2`, serverKey: SERVER_KEY, store: false })
})
afterAll(async () => {
  await app.stop()
  await upstream.close()
})

test('an upstream refusal that echoes the key, or carries a stack, reaches no client of the figures', async () => {
  const echoes = [
    `Invalid API key ${SERVER_KEY} for company 42`,
    `Key server-secret-0123 revoked; bearer eyJhbGciOi.payload.sig rejected`,
    'TypeError: cannot read x\n    at handler (/srv/api/tasks.js:12:5)\n    at next (/srv/api/router.js:3:1)',
  ]
  for (const [index, message] of echoes.entries()) {
    upstream.respond((_url, res) => {
      res.writeHead(400, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message, errors: [{ message: SERVER_KEY }] }))
    })
    // A filter set of its own each time, so no cached figure answers instead.
    const search = `taskByTitleIdentifier%3Dprobe-${index}`
    for (const path of [`/app/counts?set=${search}`, `/app/workload?tz=UTC&${decodeURIComponent(search)}`]) {
      const answer = await rawRequest(app.url, path, { headers: { host: '127.0.0.1' } })
      expect(answer.status, path).toBeGreaterThanOrEqual(400)
      expect(answer.text, path).not.toContain('server-secret')
      expect(answer.text, path).not.toContain('server-id')
      expect(answer.text, path).not.toContain('eyJhbGciOi')
      expect(answer.text, path).not.toMatch(/\n\s+at |tasks\.js/)
      expect(JSON.parse(answer.text), path).toHaveProperty('message')
    }
  }
})
