// @vitest-environment jsdom
// A render error shows what happened and two ways back; choosing one clears
// the error and runs the way back (the gallery, or the address loaded again).
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '../../../src/ui/components/ErrorBoundary';

const texts = { title: 'Something went wrong', what: 'What happened:', kept: 'Kept.', back: 'Back', reload: 'Again' };

function Boom({ fail }: { fail: boolean }) {
  if (fail) throw new Error('frame 12 has no state');
  return <p>picture</p>;
}

describe('ErrorBoundary', () => {
  it('shows the error and recovers by the chosen way back', async () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    let fail = true;
    const calls: string[] = [];
    const render = () =>
      root.render(
        <ErrorBoundary
          texts={texts}
          onBack={() => {
            calls.push('back');
            fail = false;
            render();
          }}
          onReload={() => calls.push('reload')}
        >
          <Boom fail={fail} />
        </ErrorBoundary>,
      );
    const warn = console.warn;
    const error = console.error;
    console.warn = () => {};
    console.error = () => {};
    try {
      await act(async () => render());
      expect(host.querySelector('[data-testid=crash]')?.textContent).toContain('frame 12 has no state');
      expect(host.textContent).toContain('Kept.');
      await act(async () => (host.querySelector('[data-testid=crash-back]') as HTMLButtonElement).click());
      expect(calls).toEqual(['back']);
      expect(host.textContent).toBe('picture');
    } finally {
      console.warn = warn;
      console.error = error;
      await act(async () => root.unmount());
    }
  });
});
