import { expect } from './fixtures.ts'
import { withHandingOverServer } from './support/handing-over-server.ts'

// As in production: each link's first screen is rendered on the server and taken over in the browser, where a
// mismatch would be a page error (which fails the test). The wait is long so that every link gets its first screen.
const test = withHandingOverServer({ FIRST_VIEW_WAIT_MS: '10000' })

/** Links as they arrive from chat tools, old bookmarks and people trying things. */
const HOSTILE_QUERIES = [
  'tab=<script>alert(1)</script>',
  'q=<img src=x onerror=alert(1)>',
  'q=%3Cscript%3Ealert(document.cookie)%3C%2Fscript%3E',
  'q=javascript:alert(1)',
  'q=%00%00%00',
  'q=%E0%A4%A',
  'q=%',
  'q=%%%',
  'q=' + 'A'.repeat(5000),
  'q=' + '😀'.repeat(300),
  'q=%E2%80%AE%D7%A9%D7%9C%D7%95%D7%9D',
  'q=\u202Egnp.exe',
  'q=a&q=b&q=c',
  'q=',
  'q',
  '=',
  '&&&&',
  '?????',
  'tab=',
  'tab=all&tab=new&tab=%00',
  'tab=constructor',
  'tab=__proto__',
  'sort=__proto__:asc',
  'sort=title:asc:desc',
  'sort=:asc',
  'sort={"by":"title","direction":1}',
  'sort=dueDate:1',
  'page=1e3',
  'page=0x10',
  'page=99999999999999999999',
  'page=-0',
  'page= 2',
  'page=2.0',
  'size=50.0',
  'size=1000000',
  'size=-50',
  'assignee=,,,,',
  'assignee=me,me,me,unassigned,unassigned',
  'assignee=' + 'a'.repeat(24) + ',' + '<b>',
  'assignee=' + Array.from({ length: 300 }, (_, i) => i.toString(16).padStart(24, '0')).join(','),
  'priority=%3Cscript%3E,urgent',
  'priority=' + 'x'.repeat(100),
  'type=../../etc/passwd',
  'customer=%27%20OR%201%3D1--',
  'recurring=TRUE',
  'recurring=1',
  'hasOwnProperty=1&toString=2&valueOf=3',
  '__proto__[polluted]=1',
  'constructor[prototype][polluted]=1',
  'utm_source=<svg/onload=alert(1)>&tab=new',
  'tab=new#<script>alert(1)</script>',
  'q=%F0%9F%92%A9%F0%9F%92%A9&size=25',
]

/** Links a test goes through: in sets, so each has time for its navigations on a loaded machine or a moved clock. */
const SET_SIZE = 18

for (let start = 0; start < HOSTILE_QUERIES.length; start += SET_SIZE) {
  const queries = HOSTILE_QUERIES.slice(start, start + SET_SIZE)
  test(`hostile links ${start + 1}–${start + queries.length} render the board or its notice, never run anything, never crash`, async ({
    page,
  }) => {
    test.setTimeout(120_000)
    expect(HOSTILE_QUERIES.length).toBeGreaterThanOrEqual(50)
    let dialogs = 0
    page.on('dialog', (dialog) => {
      dialogs += 1
      void dialog.dismiss()
    })
    for (const query of queries) {
      await page.goto(`/tasks?${query}`)
      await expect(page.getByRole('heading', { name: 'Tasks' }), query).toBeVisible()
      await expect(page.getByRole('table'), query).toBeVisible()
      // The address bar ends canonical: parsing it again changes nothing.
      await expect
        .poll(
          async () => {
            const search = new URL(page.url()).search
            await page.waitForTimeout(50)
            return search === new URL(page.url()).search
          },
          { message: query },
        )
        .toBe(true)
      expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted), query).toBeUndefined()
    }
    expect(dialogs).toBe(0)
  })
}
