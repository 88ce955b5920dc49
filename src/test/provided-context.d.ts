import 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the app server (demo mode) started for the test run. */
    appOrigin: string
  }
}
