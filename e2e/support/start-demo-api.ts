import { startProcess, type RunningProcess } from '../../server/testing/start-app.ts'

/** The demo API as its own process, for an app server started in front of it as a real upstream. */
export function startDemoApi(env: Record<string, string> = {}): Promise<RunningProcess> {
  return startProcess('server/demo-api/main.ts', ['--port', '0'], env, /Demo API on (http:\/\/[^/\s]+)/)
}
