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
