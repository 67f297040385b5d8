// Catches rendering errors in one area of the screen and shows them in place, so the rest of the
// page keeps working.

import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What this boundary protects, for the message ("Trend chart"). */
  area: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.area} failed:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="panel error-panel" role="alert">
        <h2>{this.props.area} stopped working</h2>
        <pre className="error-text">{error.message}</pre>
        <button type="button" className="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </section>
    );
  }
}
