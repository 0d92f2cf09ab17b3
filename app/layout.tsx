import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { IntentLink } from './_components/layout/IntentLink';
import { ThemeToggle } from './_components/layout/ThemeToggle';
import { ProgressNotice } from './_components/practice/progress/ProgressNotice';
import { OfflineSupport } from './_components/offline/OfflineSupport';
import './globals.css';
// Quizzes, cards, drills and progress appear on most routes (the course map, chapters, practice pages).
import './_components/practice/practice.css';

export const metadata: Metadata = {
  title: { default: 'Batch Inference Lab', template: '%s · Batch Inference Lab' },
  description: 'Learn Azure ML pipelines for batch inference (AI-900 objective 2.4) by reading, running a real simulated job, and practising.',
  icons: { icon: '/icon.svg' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0f172a' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script may set data-theme before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* eslint-disable-next-line @next/next/no-sync-scripts -- must run before paint to avoid a theme flash */}
        <script src="/theme-init.js" />
        {/* eslint-disable-next-line @next/next/no-sync-scripts -- marks unlocked chapters before paint so locked content never flashes */}
        <script src="/progress-init.js" />
        {/* Generated from the chapter list: hides locked chapters' content (see app/progress/locks.css). */}
        {/* eslint-disable-next-line @next/next/no-css-tags -- a generated route, not a source stylesheet */}
        <link rel="stylesheet" href="/progress/locks.css" />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          {/* Prefetched on intent: a link in view would otherwise download the JavaScript of its page (see IntentLink). */}
          <IntentLink href="/" className="brand">
            Batch Inference Lab
          </IntentLink>
          <nav aria-label="Main">
            <IntentLink href="/">Course</IntentLink>
            <IntentLink href="/drills">Drills</IntentLink>
            <IntentLink href="/lab">Lab</IntentLink>
            <IntentLink href="/progress">Progress</IntentLink>
          </nav>
          <ThemeToggle />
        </header>
        <main id="main">
          <ProgressNotice />
          {children}
        </main>
        <footer className="site-footer">
          <p>An independent study aid for AI-900. Facts checked against Microsoft&apos;s documentation; not affiliated with Microsoft.</p>
        </footer>
        <OfflineSupport />
      </body>
    </html>
  );
}
