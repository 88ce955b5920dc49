import { Component, type ReactNode } from 'react'
import { useI18n } from '../../lib/i18n/i18n.tsx'

interface ErrorBoundaryProps {
  /** What to show instead of the broken part; `reset` renders the children again. */
  fallback: (error: Error, reset: () => void) => ReactNode
  /** A change of any of these renders the children again (e.g. the view changed). */
  resetKeys?: readonly unknown[]
  children: ReactNode
}

interface ErrorBoundaryState {
  error: Error | null
  keys: readonly unknown[]
}

/**
 * Contains a rendering bug to the part of the page it broke: the rest of the
 * page, and the URL with the view in it, stay as they are. React itself logs
 * the error with its component stack.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, keys: this.props.resetKeys ?? [] }

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    const keys = props.resetKeys ?? []
    const changed = keys.length !== state.keys.length || keys.some((key, index) => !Object.is(key, state.keys[index]))
    return changed ? { keys, error: null } : null
  }

  reset = (): void => {
    this.setState({ error: null })
  }

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error, this.reset) : this.props.children
  }
}

/** The fallback the board uses: says what broke, offers to try again. */
export function RenderErrorNotice({ what, error, onRetry }: { what: string; error: Error; onRetry: () => void }) {
  const { t } = useI18n()
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{t.errors.render(what)}</p>
      <p className="notice__detail">{error.message}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t.errors.tryAgain}
      </button>
    </div>
  )
}
