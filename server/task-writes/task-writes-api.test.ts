import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { parseTimestamp } from '../../src/shared/tasks/api/schemas.ts'
import { cookieFrom, DEMO_KEY, startApp, type InProcessApp } from '../testing/start-app.ts'

interface RawTask {
  _id: string
  priority?: string
  taskStatus: string | null
  dueDate: number | string | null
  assignee?: { entityId: string; name: string } | null
  email: string | null
  status: { lastModifiedAt: string; lastModifiedBy: string }
}

let app: InProcessApp

beforeAll(async () => {
  app = await startApp({ demo: { taskCount: 200, faultsEnabled: true }, env: { TASK_WRITES_PER_MINUTE: '1000' } })
})
afterAll(() => app.stop())
beforeEach(() => demoControl('DELETE', '/__demo/faults'))

async function demoControl(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${app.demoOrigin}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return response.status === 204 ? null : response.json()
}

async function tasks(query: string): Promise<RawTask[]> {
  const answer = await app.call('GET', `/api/tasks/?limit=1000&${query}`)
  expect(answer.status).toBe(200)
  return JSON.parse(answer.text) as RawTask[]
}

async function readTask(id: string): Promise<RawTask> {
  const answer = await app.call('GET', `/api/tasks/${id}`)
  expect(answer.status).toBe(200)
  return answer.json as unknown as RawTask
}

const seen = (task: RawTask) => parseTimestamp(task.status.lastModifiedAt)

function change(
  id: string,
  body: Record<string, unknown>,
  options: { bare?: boolean; headers?: Record<string, string>; cookie?: string } = {},
) {
  return app.call('POST', `/app/tasks/${id}/changes`, { body, ...options })
}

describe('one change, read back', () => {
  test('priority: applied, and the answer is what the API now holds', async () => {
    const [task] = await tasks('priority=low')
    const answer = await change(task!._id, {
      field: 'priority',
      from: 'low',
      to: 'urgent',
      seenModifiedAt: seen(task!),
    })
    expect(answer.status).toBe(200)
    expect(answer.json).toMatchObject({
      outcome: 'applied',
      message: null,
      task: { _id: task!._id, priority: 'urgent' },
    })
    expect((await readTask(task!._id)).priority).toBe('urgent')
  })

  test('assignee: to a person and back to nobody', async () => {
    const [task] = await tasks('userIds=unassigned_jobs')
    const people = JSON.parse((await app.call('GET', '/api/users/')).text) as { _id: string }[]
    const person = people[4]!._id
    const first = await change(task!._id, { field: 'assignee', from: null, to: person, seenModifiedAt: seen(task!) })
    expect(first.json).toMatchObject({ outcome: 'applied', task: { assignee: { entityId: person } } })
    const now = await readTask(task!._id)
    const second = await change(task!._id, { field: 'assignee', from: person, to: null, seenModifiedAt: seen(now) })
    expect(second.json).toMatchObject({ outcome: 'applied', task: { assignee: null } })
  })

  test('due date: set and cleared', async () => {
    const [task] = await tasks('taskStatus=open')
    const due = Date.parse('2026-04-01T09:30:00Z')
    const first = await change(task!._id, {
      field: 'dueDate',
      from: parseTimestamp(task!.dueDate),
      to: due,
      seenModifiedAt: seen(task!),
    })
    expect(first.json).toMatchObject({ outcome: 'applied' })
    expect(parseTimestamp((await readTask(task!._id)).dueDate)).toBe(due)
    const now = await readTask(task!._id)
    const second = await change(task!._id, { field: 'dueDate', from: due, to: null, seenModifiedAt: seen(now) })
    expect(second.json).toMatchObject({ outcome: 'applied', task: { dueDate: null } })
  })

  test('status, and completing without an e-mail unless asked', async () => {
    const [a, b] = await tasks('taskStatus=new')
    const moved = await change(a!._id, { field: 'status', from: 'new', to: 'in_progress', seenModifiedAt: seen(a!) })
    expect(moved.json).toMatchObject({ outcome: 'applied', task: { taskStatus: 'in_progress' } })

    const done = await change(b!._id, { field: 'complete', from: 'new', sendEmail: false, seenModifiedAt: seen(b!) })
    expect(done.json).toMatchObject({ outcome: 'applied', task: { taskStatus: 'completed' } })
    const outbox = (await demoControl('GET', '/__demo/outbox')) as { taskId: string }[]
    expect(outbox.filter((mail) => mail.taskId === b!._id)).toEqual([])

    const [c] = await tasks('taskStatus=open')
    const mailed = await change(c!._id, {
      field: 'complete',
      from: 'open',
      sendEmail: true,
      recipientEmail: 'facility@example.com',
      seenModifiedAt: seen(c!),
    })
    expect(mailed.json).toMatchObject({ outcome: 'applied' })
    expect(await demoControl('GET', '/__demo/outbox')).toContainEqual({
      taskId: c!._id,
      to: 'facility@example.com',
      text: '',
    })
  })
})

describe('never over a colleague, never unseen', () => {
  test('a field a colleague changed meanwhile: 409 with the current task, nothing overwritten', async () => {
    const [task] = await tasks('priority=medium')
    await demoControl('POST', `/__demo/tasks/${task!._id}`, { priority: 'high' })
    const answer = await change(task!._id, {
      field: 'priority',
      from: 'medium',
      to: 'low',
      seenModifiedAt: seen(task!),
    })
    expect(answer.status).toBe(409)
    expect(answer.json).toMatchObject({ outcome: 'conflict', task: { priority: 'high' } })
    expect(answer.json.message).toMatch(/changed this task/)
    expect((await readTask(task!._id)).priority).toBe('high')
  })

  test('every attempt is on record, with the colleague’s value a conflict met', async () => {
    const [task] = await tasks('priority=urgent')
    const applied = await change(task!._id, {
      field: 'priority',
      from: 'urgent',
      to: 'low',
      seenModifiedAt: seen(task!),
    })
    expect(applied.json.outcome).toBe('applied')
    await demoControl('POST', `/__demo/tasks/${task!._id}`, { priority: 'high' })
    const now = await readTask(task!._id)
    const conflict = await change(task!._id, {
      field: 'priority',
      from: 'low',
      to: 'medium',
      seenModifiedAt: seen(now)! - 1,
    })
    expect(conflict.status).toBe(409)
    const log = await app.call('GET', `/app/tasks/${task!._id}/changes`)
    expect(log.status).toBe(200)
    expect((log.json.changes as unknown[]).slice(0, 2)).toMatchObject([
      {
        field: 'priority',
        seen: 'low',
        wanted: 'medium',
        found: 'high',
        outcome: 'conflict',
        personName: 'Sabine Krüger',
      },
      {
        field: 'priority',
        seen: 'urgent',
        wanted: 'low',
        found: null,
        outcome: 'applied',
        personName: 'Sabine Krüger',
      },
    ])
    expect((await app.call('GET', '/app/tasks/nope/changes')).status).toBe(400)
  })

  test('another field changed meanwhile (lastModifiedAt moved): 409 too', async () => {
    const [task] = await tasks('priority=medium&taskStatus=open')
    await demoControl('POST', `/__demo/tasks/${task!._id}`, { title: 'Changed by a colleague' })
    const answer = await change(task!._id, {
      field: 'priority',
      from: 'medium',
      to: 'low',
      seenModifiedAt: seen(task!),
    })
    expect(answer.status).toBe(409)
    expect((await readTask(task!._id)).priority).toBe('medium')
  })

  test('a write the API answers 200 for and ignores is reported as not applied', async () => {
    const [task] = await tasks('priority=high')
    await demoControl('POST', '/__demo/faults', { path: '/tasks/', method: 'PATCH', ignoreFields: ['priority'] })
    const answer = await change(task!._id, { field: 'priority', from: 'high', to: 'low', seenModifiedAt: seen(task!) })
    expect(answer.status).toBe(502)
    expect(answer.json).toMatchObject({
      outcome: 'ignored',
      message: 'The tasks API accepted the change but did not apply it.',
      task: { priority: 'high' },
    })
  })

  test('the API refusing the write: its sentence, and nothing claimed', async () => {
    const [task] = await tasks('taskStatus=cancelled')
    const answer = await change(task!._id, {
      field: 'complete',
      from: 'cancelled',
      sendEmail: false,
      seenModifiedAt: seen(task!),
    })
    expect(answer.status).toBe(422)
    expect(answer.json).toMatchObject({ outcome: 'refused', message: 'Task already completed or cancelled' })
  })

  test('a 429 on the write passes on with its wait, and nothing is written', async () => {
    const [task] = await tasks('priority=low')
    await demoControl('POST', '/__demo/faults', { path: '/tasks/', method: 'PATCH', status: 429, retryAfter: 3 })
    const answer = await change(task!._id, { field: 'priority', from: 'low', to: 'high', seenModifiedAt: seen(task!) })
    expect(answer.status).toBe(429)
    expect(answer.headers['retry-after']).toBe('3')
    expect(answer.json).toMatchObject({ outcome: 'failed' })
    expect((await readTask(task!._id)).priority).toBe('low')
  })
})

describe('bad input and hostile clients', () => {
  test('each malformed change is a 400 with a sentence, and nothing is written', async () => {
    const [task] = await tasks('priority=low&taskStatus=open')
    const base = { seenModifiedAt: seen(task!) }
    const bad: [string, Record<string, unknown>][] = [
      [task!._id, { field: 'title', from: 'a', to: 'b', ...base }],
      [task!._id, { field: 'priority', from: 'low', to: 'critical', ...base }],
      [task!._id, { field: 'status', from: 'open', to: 'done', ...base }],
      [task!._id, { field: 'dueDate', from: null, to: 'tomorrow', ...base }],
      [task!._id, { field: 'priority', from: 'low', to: 'high', seenModifiedAt: 'yesterday' }],
      [task!._id, { field: 'priority', from: 'low', to: 'high', ...base, _id: 'x', companyId: 'y' }],
      [task!._id, { field: 'assignee', from: null, to: 'Anna', ...base }],
      [task!._id, { field: 'complete', from: 'open', ...base }],
      ['not-an-id', { field: 'priority', from: 'low', to: 'high', ...base }],
    ]
    for (const [id, body] of bad) {
      const answer = await change(id, body)
      expect(answer.status, JSON.stringify(body)).toBe(400)
      expect(typeof answer.json.message).toBe('string')
    }
    const nobody = await change(task!._id, { field: 'assignee', from: null, to: '0123456789abcdef01234567', ...base })
    expect(nobody.status).toBe(400)
    expect(nobody.json.message).toBe('There is no such person in this company.')
    expect(await readTask(task!._id)).toEqual(task)
  })

  test('cross-site requests and requests without the board’s header are refused before anything is read', async () => {
    const [task] = await tasks('priority=low')
    const body = { field: 'priority', from: 'low', to: 'high', seenModifiedAt: seen(task!) }
    expect((await change(task!._id, body, { bare: true })).status).toBe(403)
    expect((await change(task!._id, body, { headers: { origin: 'http://evil.example' } })).status).toBe(403)
    expect((await change(task!._id, body, { headers: { 'x-task-board': '0' } })).status).toBe(403)
    expect((await readTask(task!._id)).priority).toBe('low')
  })

  test('the /api/ proxy stays read-only', async () => {
    const [task] = await tasks('priority=low')
    const answer = await app.call('PATCH', `/api/tasks/${task!._id}`, { body: { priority: 'high' } })
    expect(answer.status).toBe(405)
    expect((await readTask(task!._id)).priority).toBe('low')
  })
})

// Each of these starts an app server of its own: opening its store takes seconds on a loaded machine.
test('changes are limited per person', { timeout: 60_000 }, async () => {
  const limited = await startApp({ env: { TASK_WRITES_PER_MINUTE: '2' } })
  try {
    const body = { field: 'priority', from: 'x', to: 'high', seenModifiedAt: 0 }
    const statuses = []
    for (let i = 0; i < 3; i += 1)
      statuses.push((await limited.call('POST', `/app/tasks/${'a'.repeat(24)}/changes`, { body })).status)
    expect(statuses.slice(0, 2)).not.toContain(429)
    const last = await limited.call('POST', `/app/tasks/${'a'.repeat(24)}/changes`, { body })
    expect(last.status).toBe(429)
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0)
  } finally {
    await limited.stop()
  }
})

describe('who writes', () => {
  test(
    'shared key: a browser nobody named only reads; a named person writes what TASK_WRITES names',
    { timeout: 60_000 },
    async () => {
      const shared = await startApp({
        mode: 'shared-key',
        env: { TASK_WRITES: 'priority', TRUSTED_USER_HEADER: 'X-Forwarded-User', TRUSTED_PROXIES: '127.0.0.1' },
      })
      try {
        const [task] = JSON.parse((await shared.call('GET', '/api/tasks/?limit=1')).text) as RawTask[]
        const body = {
          field: 'priority',
          from: task!.priority ?? null,
          to: task!.priority === 'low' ? 'high' : 'low',
          seenModifiedAt: seen(task!),
        }
        expect((await shared.call('GET', '/app/session')).json.writes).toEqual([])
        const anonymous = await shared.call('POST', `/app/tasks/${task!._id}/changes`, { body })
        expect(anonymous.status).toBe(403)
        expect(anonymous.json.message).toMatch(/can only read/)

        const named = { 'x-forwarded-user': 'anna@example.com' }
        expect((await shared.call('GET', '/app/session', { headers: named })).json.writes).toEqual(['priority'])
        const off = await shared.call('POST', `/app/tasks/${task!._id}/changes`, {
          headers: named,
          body: { field: 'status', from: task!.taskStatus, to: 'open', seenModifiedAt: seen(task!) },
        })
        expect(off.status).toBe(403)
        expect(off.json.message).toMatch(/TASK_WRITES/)
        const done = await shared.call('POST', `/app/tasks/${task!._id}/changes`, { headers: named, body })
        expect(done.json).toMatchObject({ outcome: 'applied', task: { priority: body.to } })
      } finally {
        await shared.stop()
      }
    },
  )

  test(
    'personal keys: signed out is 401; signed in writes with the dispatcher’s own key',
    { timeout: 60_000 },
    async () => {
      const personal = await startApp({ mode: 'personal-key', env: { TASK_WRITES: 'priority,status' } })
      try {
        const [task] = JSON.parse(
          (await personal.call('GET', '/api/tasks/?limit=1', { headers: { 'x-api-key': DEMO_KEY } })).text,
        ) as RawTask[]
        const body = {
          field: 'status',
          from: task!.taskStatus,
          to: task!.taskStatus === 'open' ? 'new' : 'open',
          seenModifiedAt: seen(task!),
        }
        expect((await personal.call('POST', `/app/tasks/${task!._id}/changes`, { body })).status).toBe(401)
        // A script's own key reads through /api/, but changes need a session.
        const scripted = await personal.call('POST', `/app/tasks/${task!._id}/changes`, {
          body,
          headers: { 'x-api-key': DEMO_KEY },
        })
        expect(scripted.status).toBe(401)

        const cookie = cookieFrom(
          await personal.call('POST', '/app/session', { body: { apiKey: DEMO_KEY } }),
          'tb_session',
        )!
        expect((await personal.call('GET', '/app/session', { cookie })).json.writes).toEqual(['priority', 'status'])
        const done = await personal.call('POST', `/app/tasks/${task!._id}/changes`, { body, cookie })
        expect(done.json).toMatchObject({ outcome: 'applied', task: { taskStatus: body.to } })
      } finally {
        await personal.stop()
      }
    },
  )
})
