import { scrubSecrets } from './scrub-secrets.ts'

/**
 * The upstream's own `message` when it sent the API's error shape; otherwise
 * a plain sentence. Never the raw body: an HTML page or a stack trace is no
 * message for the browser, and keys are scrubbed from what passes.
 */
export function readUpstreamMessage(body: Buffer, status: number, keys: readonly (string | undefined)[]): string {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'))
    if (typeof parsed === 'object' && parsed !== null) {
      const message = (parsed as Record<string, unknown>).message
      if (typeof message === 'string' && message.trim() !== '' && message.length <= 500 && !/\n\s+at /.test(message)) {
        return scrubSecrets(message, keys)
      }
    }
  } catch {
    // Not JSON: fall through to the generic sentence.
  }
  return `The tasks API answered with status ${status}.`
}
