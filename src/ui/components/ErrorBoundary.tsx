// A render error must not leave a blank page: say what happened and offer a
// way back — the gallery, or the same scenario loaded again from the address,
// which still holds it (a shared or opened scenario travels in `data=`).
import { Component, type ReactNode } from 'react';

export interface RecoverTexts {
  readonly title: string;
  readonly what: string;
  readonly kept: string;
  readonly back: string;
  readonly reload: string;
}

interface Props {
  readonly texts: RecoverTexts;
  readonly onBack: () => void;
  readonly onReload: () => void;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: unknown): void {
    // Kept on the console for whoever reports it; the page shows the short form.
    console.warn('The player stopped drawing:', error);
  }

  private recover(action: () => void) {
    this.setState({ error: null });
    action();
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { texts } = this.props;
    return (
      <div className="notice crash" role="alert" data-testid="crash">
        <p>
          <strong>{texts.title}</strong>
        </p>
        <p>
          {texts.what} <code>{error.message || error.name}</code>
        </p>
        <p>{texts.kept}</p>
        <p className="crash-actions">
          <button type="button" onClick={() => this.recover(this.props.onBack)} data-testid="crash-back">
            {texts.back}
          </button>{' '}
          <button type="button" onClick={() => this.recover(this.props.onReload)} data-testid="crash-reload">
            {texts.reload}
          </button>
        </p>
      </div>
    );
  }
}
