import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

export interface KeyCipher {
  /** AES-256-GCM; `context` (the session's id hash) binds the ciphertext to its row. */
  encrypt(plain: string, context: string): string
  /** The plain text, or null when it was encrypted under another secret or altered. */
  decrypt(sealed: string, context: string): string | null
}

const VERSION = 'v1'

/** Encrypts API keys at rest with a key derived from the server secret. */
export function createKeyCipher(secret: string): KeyCipher {
  const key = Buffer.from(hkdfSync('sha256', secret, 'task-board', 'session api key encryption v1', 32))
  return {
    encrypt(plain, context) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      cipher.setAAD(Buffer.from(context))
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return [VERSION, iv, cipher.getAuthTag(), data]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.')
    },
    decrypt(sealed, context) {
      const [version, iv, tag, data] = sealed.split('.')
      if (version !== VERSION || !iv || !tag || data === undefined) return null
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
        decipher.setAAD(Buffer.from(context))
        decipher.setAuthTag(Buffer.from(tag, 'base64url'))
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')
      } catch {
        return null
      }
    },
  }
}
