'use client';

import { useSyncExternalStore } from 'react';

type Theme = 'light' | 'dark';
const KEY = 'bil-theme';

function effectiveTheme(): Theme {
  const forced = document.documentElement.dataset.theme;
  if (forced === 'light' || forced === 'dark') return forced;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', onChange);
  window.addEventListener('bil-theme', onChange);
  return () => {
    media.removeEventListener('change', onChange);
    window.removeEventListener('bil-theme', onChange);
  };
}

/** Overrides the system theme; the choice is remembered and applied before paint by /theme-init.js. */
export function ThemeToggle() {
  // null on the server and during hydration, so server and client HTML match.
  const theme = useSyncExternalStore(subscribe, effectiveTheme, () => null);
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  const toggle = () => {
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      /* private mode: the toggle still works for this page */
    }
    window.dispatchEvent(new Event('bil-theme'));
  };
  return (
    <button type="button" className="theme-toggle" onClick={toggle} aria-label={theme ? `Switch to ${next} theme` : 'Switch theme'}>
      <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
    </button>
  );
}
