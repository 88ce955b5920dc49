import { expect, test } from '@playwright/test'
import { startAppServer, startDemoApi, type RunningServer } from './support/start-server.ts'
import { expectTaskRows } from './fixtures.ts'

const KEY = 'upstream-test:s3cret-value'

let demoApi: RunningServer
let appServer: RunningServer

test.beforeAll(async () => {
  demoApi = await startDemoApi({ DEMO_API_KEY: KEY })
  appServer = await startAppServer({ TASKS_API_URL: `${demoApi.url}/v2`, TASKS_API_KEY: KEY })
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

  expect(apiRequests.length).toBeGreaterThan(0)
  for (const request of apiRequests) {
    expect(request.headers['x-api-key']).toBeUndefined()
    expect(request.url).not.toContain(KEY)
  }
  expect(await page.content()).not.toContain(KEY)
})

test('without the server-side key, the browser gets the API 401', async ({ request }) => {
  const keyless = await startAppServer({ TASKS_API_URL: `${demoApi.url}/v2` })
  try {
    const response = await request.get(`${keyless.url}/api/tasks/`)
    expect(response.status()).toBe(401)
    const forwarded = await request.get(`${keyless.url}/api/tasks/?limit=1`, { headers: { 'x-API-Key': KEY } })
    expect(forwarded.status()).toBe(200)
  } finally {
    await keyless.stop()
  }
})

test('a 401 asks for a key, kept in this tab only and sent as a header, never in the URL', async ({ page }) => {
  const keyless = await startAppServer({ TASKS_API_URL: `${demoApi.url}/v2` })
  try {
    const sentKeys: (string | undefined)[] = []
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) {
        expect(request.url()).not.toContain(KEY)
        sentKeys.push(request.headers()['x-api-key'])
      }
    })
    await page.goto(`${keyless.url}/tasks`)
    await expect(page.getByText('The task server needs an API key.')).toBeVisible()
    await page.getByLabel('API key', { exact: true }).fill(KEY)
    await page.getByRole('button', { name: 'Use key' }).click()
    await expectTaskRows(page, 50)
    expect(sentKeys).toContain(KEY)
    expect(await page.evaluate(() => Object.values(sessionStorage) as string[])).toEqual([KEY])
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([])
    expect(page.url()).not.toContain(KEY)

    await page.reload()
    await expectTaskRows(page, 50)

    await page.getByRole('button', { name: 'Forget key' }).click()
    await page.reload()
    await expect(page.getByText('The task server needs an API key.')).toBeVisible()
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0)
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
  await page.getByTestId('task-row').first().getByRole('link').click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await expect.poll(() => seen.some((entry) => entry.includes('/assets/'))).toBe(true)
  expect(seen.length).toBeGreaterThan(5)
  for (const entry of seen) expect(entry).not.toContain('s3cret-value')
  expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain('s3cret-value')
})
