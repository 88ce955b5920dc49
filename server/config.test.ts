import { expect, test } from 'vitest'
import { readServerConfig } from './config.ts'

test('refuses credentials in TASKS_API_URL without printing them', () => {
  const read = () => readServerConfig({ TASKS_API_URL: 'https://board:hunter2@api.example.com/v2' })
  expect(read).toThrow(/TASKS_API_URL must not contain credentials/)
  expect(read).not.toThrow(/hunter2/)
  expect(() => readServerConfig({ TASKS_API_URL: 'https://token@api.example.com/v2' })).toThrow(/credentials/)
})

test('reads the limits and host lists, with defaults', () => {
  const defaults = readServerConfig({})
  expect(defaults).toMatchObject({
    host: '127.0.0.1',
    upstreamMaxBodyBytes: 20_000_000,
    upstreamConcurrency: 16,
    maxConnections: 500,
    allowedHosts: [],
    avatarOrigins: [],
  })
  const set = readServerConfig({
    ALLOWED_HOSTS: 'board.example.com, board.internal ,',
    AVATAR_HOSTS: 'files.example.com,http://10.0.0.5:8080',
    UPSTREAM_BODY_MB: '5',
  })
  expect(set.allowedHosts).toEqual(['board.example.com', 'board.internal'])
  expect(set.avatarOrigins).toEqual(['https://files.example.com', 'http://10.0.0.5:8080'])
  expect(set.upstreamMaxBodyBytes).toBe(5_000_000)
})

test('refuses an AVATAR_HOSTS entry that is not a host or an origin', () => {
  expect(() => readServerConfig({ AVATAR_HOSTS: 'https://files.example.com/pictures' })).toThrow(/AVATAR_HOSTS/)
  expect(() => readServerConfig({ AVATAR_HOSTS: 'user:pw@files.example.com' })).toThrow(/AVATAR_HOSTS/)
})

test('no configuration: the embedded store in ./data, default session limits', () => {
  expect(readServerConfig({})).toMatchObject({
    dataDir: './data',
    databaseUrl: undefined,
    sessionSecret: undefined,
    sessionIdleMs: 480 * 60_000,
    sessionMaxMs: 168 * 3_600_000,
    trustedUserHeader: undefined,
    trustedProxies: [],
    viewWritesPerMinute: 120,
  })
})

test('reads the store, session and proxy settings', () => {
  const config = readServerConfig({
    DATABASE_URL: 'postgres://tb:pw@db:5432/tb',
    SESSION_SECRET: 's'.repeat(32),
    SESSION_IDLE_MINUTES: '30',
    TRUSTED_USER_HEADER: 'X-Forwarded-Email',
    TRUSTED_PROXIES: '10.0.0.1, 10.0.0.2',
  })
  expect(config).toMatchObject({
    databaseUrl: 'postgres://tb:pw@db:5432/tb',
    sessionIdleMs: 30 * 60_000,
    trustedProxies: ['10.0.0.1', '10.0.0.2'],
  })
})

test.each([
  [{ DATABASE_URL: 'mysql://db/tb' }, /DATABASE_URL must be a postgres:\/\/ URL/],
  [{ SESSION_SECRET: 'short' }, /SESSION_SECRET must be at least 32 characters/],
  [
    { TASKS_API_URL: 'http://api.example/v2', DATABASE_URL: 'postgres://db/tb' },
    /SESSION_SECRET: required with DATABASE_URL/,
  ],
  [{ TRUSTED_USER_HEADER: 'X-Forwarded-Email' }, /TRUSTED_PROXIES: required/],
  [{ TRUSTED_USER_HEADER: 'X Forwarded', TRUSTED_PROXIES: '1.2.3.4' }, /TRUSTED_USER_HEADER must be a header name/],
])('refuses %j with a readable message', (env, message) => {
  expect(() => readServerConfig(env)).toThrow(message)
})

test('a blank optional setting is not set; a set one is trimmed and checked', () => {
  const blank = {
    TASKS_API_URL: ' ',
    TASKS_API_KEY: '  ',
    DATABASE_URL: '',
    SESSION_SECRET: ' ',
    TRUSTED_USER_HEADER: '',
  }
  expect(readServerConfig(blank)).toMatchObject({
    upstreamUrl: undefined,
    upstreamKey: undefined,
    databaseUrl: undefined,
    sessionSecret: undefined,
    trustedUserHeader: undefined,
  })
  expect(readServerConfig({ TASKS_API_URL: ' https://api.example.com/v2// ', TASKS_API_KEY: ' k:s ' })).toMatchObject({
    upstreamUrl: 'https://api.example.com/v2',
    upstreamKey: 'k:s',
  })
  expect(() => readServerConfig({ TASKS_API_URL: 'ftp://api.example.com' })).toThrow(/TASKS_API_URL must be an http/)
  expect(() => readServerConfig({ DATABASE_URL: 'mysql://db/tb' })).toThrow(/DATABASE_URL must be a postgres/)
  expect(() => readServerConfig({ SESSION_SECRET: 'short' })).toThrow(/at least 32/)
  expect(() => readServerConfig({ TRUSTED_USER_HEADER: 'X Email' })).toThrow(/header name/)
})

test('the first view is handed over after a wait of 400 ms at most, unless FIRST_VIEW_WAIT_MS is 0', () => {
  expect(readServerConfig({}).firstViewWaitMs).toBe(400)
  expect(readServerConfig({ FIRST_VIEW_WAIT_MS: '0' }).firstViewWaitMs).toBe(0)
  expect(readServerConfig({ FIRST_VIEW_WAIT_MS: '1500' }).firstViewWaitMs).toBe(1500)
  expect(() => readServerConfig({ FIRST_VIEW_WAIT_MS: '-1' })).toThrow(/FIRST_VIEW_WAIT_MS/)
  expect(() => readServerConfig({ FIRST_VIEW_WAIT_MS: 'soon' })).toThrow(/FIRST_VIEW_WAIT_MS/)
})

test('TASK_WRITES names operations; none by default, and a name it does not know is refused', () => {
  expect(readServerConfig({}).taskWrites).toEqual([])
  expect(readServerConfig({ TASK_WRITES: 'priority, dueDate,' }).taskWrites).toEqual(['priority', 'dueDate'])
  expect(() => readServerConfig({ TASK_WRITES: 'priority,delete' })).toThrow(/TASK_WRITES: "delete" is none of/)
})
