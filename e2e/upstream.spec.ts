import { expect, test } from '@playwright/test'
import { startDemoApi } from './support/start-demo-api.ts'
import { startAppProcess, type AppProcess, type RunningProcess } from '../server/testing/start-app.ts'
import { expectAppRunning, expectTaskRows } from './fixtures.ts'

const KEY = 'upstream-test:s3cret-value'

let demoApi: RunningProcess
let appServer: AppProcess

test.beforeAll(async () => {
  // Two servers, and the app server's store to open: more than one test's time on a loaded machine.
  test.setTimeout(90_000)
  demoApi = await startDemoApi({ DEMO_API_KEY: KEY })
  appServer = await startAppProcess({ mode: 'shared-key', upstream: `${demoApi.url}/v2`, serverKey: KEY })
})

test.afterAll(async () => {
  await appServer?.stop()
  await demoApi?.stop()
})

test('shows the rows of a separate API through the proxy, with the key added server-side', async ({ page }) => {
  expect(appServer.output()).toContain(`upstream ${demoApi.url}/v2`)
  const apiRequests: { url: string; headers: Record<string, string> }[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) {
      apiRequests.push({ url: request.url(), headers: request.headers() })
    }
  })
  await page.goto(`${appServer.url}/tasks`)
  await expectTaskRows(page, 50)

  // The rows are the upstream's: the same first task as asking it directly.
  const sort = encodeURIComponent('{"by":"status.createdAt","direction":-1}')
  const direct = await fetch(
    `${demoApi.url}/v2/tasks/?limit=1&sort=${sort}&taskStatus=new,open,in_progress,in_review`,
    {
      headers: { 'x-API-Key': KEY },
    },
  )
  const [first] = (await direct.json()) as { title: string }[]
  await expect(page.getByTestId('task-row').first()).toContainText(first!.title)

  // The first rows come with the page; the board's own requests (whether a next page exists) follow once idle.
  await expect.poll(() => apiRequests.length).toBeGreaterThan(0)
  for (const request of apiRequests) {
    expect(request.headers['x-api-key']).toBeUndefined()
    expect(request.url).not.toContain(KEY)
  }
  expect(await page.content()).not.toContain(KEY)
})

test('without the server-side key, the browser gets the API 401', async ({ request }) => {
  test.setTimeout(60_000)
  const keyless = await startAppProcess({ mode: 'personal-key', upstream: `${demoApi.url}/v2` })
  try {
    const response = await request.get(`${keyless.url}/api/tasks/`)
    expect(response.status()).toBe(401)
    const forwarded = await request.get(`${keyless.url}/api/tasks/?limit=1`, { headers: { 'x-API-Key': KEY } })
    expect(forwarded.status()).toBe(200)
  } finally {
    await keyless.stop()
  }
})

test('a 401 asks to sign in: the key goes to the server once, the browser keeps only an httpOnly cookie', async ({
  page,
  context,
}) => {
  // Three sign-ins, each checked against the upstream, and a session ended in between.
  test.setTimeout(90_000)
  const keyless = await startAppProcess({ mode: 'personal-key', upstream: `${demoApi.url}/v2` })
  try {
    const sentKeys: (string | undefined)[] = []
    page.on('request', (request) => {
      expect(request.url()).not.toContain(KEY)
      if (new URL(request.url()).pathname.startsWith('/api/')) sentKeys.push(request.headers()['x-api-key'])
    })
    const board = `${keyless.url}/tasks?tab=all&q=a`
    await page.goto(board)
    await expect(page.getByText('Sign in with your API key to see the tasks.')).toBeVisible({ timeout: 30_000 })
    await page.getByLabel('API key', { exact: true }).fill('upstream-test:wrong')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('alert')).toHaveText('The tasks API did not accept this key.')

    await page.getByLabel('API key', { exact: true }).fill(KEY)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByTestId('task-row').first()).toBeVisible()
    expect(page.url()).toBe(board)
    expect(sentKeys.every((key) => key === undefined)).toBe(true)
    const stored = await page.evaluate(() =>
      [sessionStorage, localStorage].flatMap((area) => Object.values(area as Record<string, string>)),
    )
    expect(stored.join('\n')).not.toContain('s3cret-value')
    const session = (await context.cookies()).find((cookie) => cookie.name === 'tb_session')
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' })
    expect(await page.evaluate(() => document.cookie)).not.toContain('tb_session')

    await page.reload()
    await expect(page.getByTestId('task-row').first()).toBeVisible()
    // The rows can come with the page before the board has asked who is signed in; once it knows, it offers Sign out.
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()

    // The session ends elsewhere (another tab signing out): the next request asks again, on the same URL.
    const ended = await fetch(`${keyless.url}/app/session`, {
      method: 'DELETE',
      headers: {
        cookie: `tb_session=${session!.value}`,
        origin: keyless.url,
        'x-task-board': '1',
        'content-type': 'application/json',
      },
      body: '{}',
    })
    expect(ended.status).toBe(204)
    await page.getByRole('tab', { name: /^Open/ }).click()
    await expect(page.getByText('Your session has ended. Sign in again to go on where you were.')).toBeVisible()
    const afterTab = page.url()
    await page.getByLabel('API key', { exact: true }).fill(KEY)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByTestId('task-row').first()).toBeVisible()
    expect(page.url()).toBe(afterTab)

    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page.getByText('Sign in with your API key to see the tasks.')).toBeVisible()
    expect((await context.cookies()).some((cookie) => cookie.name === 'tb_session')).toBe(false)
  } finally {
    await keyless.stop()
  }
})

test('the server-side key reaches the browser nowhere: not in the page, bundle, or any response', async ({ page }) => {
  const seen: string[] = []
  page.on('response', async (response) => {
    const headers = JSON.stringify(await response.allHeaders())
    const body =
      response.request().method() === 'GET' && response.status() < 300 ? await response.text().catch(() => '') : ''
    seen.push(`${response.url()}\n${headers}\n${body}`)
  })
  await page.goto(`${appServer.url}/tasks`)
  await expectTaskRows(page, 50)
  await expectAppRunning(page)
  await page.getByTestId('task-row').first().getByRole('link').click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await expect.poll(() => seen.some((entry) => entry.includes('/assets/'))).toBe(true)
  expect(seen.length).toBeGreaterThan(5)
  for (const entry of seen) expect(entry).not.toContain('s3cret-value')
  expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain('s3cret-value')
})
