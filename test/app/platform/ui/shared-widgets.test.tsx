// @vitest-environment happy-dom
// The chapter widgets' shared parts: mount-on-visible and the copy button.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { lazy } from 'react';
import { MountWhenVisible } from '@/app/_platform/ui/MountWhenVisible';
import { CopyButton } from '@/app/_platform/ui/CopyButton';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** An IntersectionObserver the test drives: `show()` reports the slot as near the viewport. */
function stubObserver() {
  const observers: { callback: IntersectionObserverCallback; options?: IntersectionObserverInit; disconnected: boolean }[] = [];
  class FakeObserver {
    private readonly entry: (typeof observers)[number];
    constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
      this.entry = { callback, ...(options && { options }), disconnected: false };
      observers.push(this.entry);
    }
    observe() {}
    disconnect() {
      this.entry.disconnected = true;
    }
  }
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  const show = (isIntersecting = true) =>
    act(() => {
      for (const o of observers) o.callback([{ isIntersecting } as IntersectionObserverEntry], o as unknown as IntersectionObserver);
    });
  return { observers, show };
}

describe('MountWhenVisible', () => {
  it('keeps a skeleton until the slot nears the viewport, and only then calls children', async () => {
    const { observers, show } = stubObserver();
    const children = vi.fn(() => <p>the widget</p>);
    render(
      <MountWhenVisible label="pipeline graph" minHeight="10rem" rootMargin="123px 0px">
        {children}
      </MountWhenVisible>,
    );
    const slot = document.querySelector('[data-widget="pipeline graph"]') as HTMLElement;
    expect(slot.getAttribute('data-mounted')).toBe('false');
    expect(slot.style.minHeight).toBe('10rem');
    expect(screen.getByRole('status').textContent).toBe('Loading the pipeline graph…');
    expect(observers[0]?.options?.rootMargin).toBe('123px 0px');

    await show(false);
    expect(children).not.toHaveBeenCalled();
    await show(true);
    expect(screen.getByText('the widget')).toBeTruthy();
    expect(slot.getAttribute('data-mounted')).toBe('true');
    expect(observers[0]?.disconnected).toBe(true);
  });

  it('shows the skeleton while a lazy widget loads, and a caller may bring its own skeleton', async () => {
    const { show } = stubObserver();
    let resolve: (m: { default: () => React.JSX.Element }) => void = () => {};
    const Lazy = lazy(() => new Promise<{ default: () => React.JSX.Element }>((r) => (resolve = r)));
    render(
      <MountWhenVisible label="lab" minHeight="5rem" skeleton={<p>my own skeleton</p>} className="lab-mount">
        {() => <Lazy />}
      </MountWhenVisible>,
    );
    expect(screen.getByText('my own skeleton')).toBeTruthy();
    await show();
    expect(screen.getByText('my own skeleton')).toBeTruthy();
    await act(async () => resolve({ default: () => <p>loaded</p> }));
    expect(await screen.findByText('loaded')).toBeTruthy();
    expect(screen.queryByText('my own skeleton')).toBeNull();
    expect(document.querySelector('.lab-mount')).toBeTruthy();
  });

  it('mounts straight after the first render where there is no IntersectionObserver', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    render(
      <MountWhenVisible label="schedule explorer" minHeight="5rem">
        {() => <p>explorer</p>}
      </MountWhenVisible>,
    );
    expect(await screen.findByText('explorer')).toBeTruthy();
  });
});

describe('CopyButton', () => {
  it('copies the text and says so, until the text changes', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { rerender } = render(<CopyButton text="curl -X POST a" label="Copy curl command" />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy curl command' })));
    expect(writeText).toHaveBeenCalledWith('curl -X POST a');
    expect(screen.getByRole('status').textContent).toBe('Copied.');
    rerender(<CopyButton text="curl -X POST b" label="Copy curl command" />);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('tells the reader to copy by hand when the browser refuses', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: async () => Promise.reject(new Error('NotAllowedError')) } });
    render(<CopyButton text="x" label="Copy Python" failedMessage="Copy failed: select the text instead." />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy Python' })));
    expect(screen.getByRole('status').textContent).toBe('Copy failed: select the text instead.');
  });
});
