'use client';

import Link from 'next/link';
import { progressStore, useHydrated, useProgress } from '@/app/_progress/use-progress';

/** Shown on any page when saved progress had to be partly reset while loading (through ProgressNotice). */
export default function SavedProgressNotice() {
  const hydrated = useHydrated();
  const notice = useProgress((s) => s.notice);
  if (!hydrated || !notice) return null;
  return (
    <div className="progress-notice" role="alert">
      <p>
        {notice} Everything else was kept. <Link href="/progress">Manage your progress</Link>
      </p>
      <button type="button" className="button-secondary" onClick={() => progressStore.getState().dismissNotice()}>
        Dismiss
      </button>
    </div>
  );
}
