import type { ReactNode } from 'react';

export function WatchOut({ mistake, children }: { mistake: string; children: ReactNode }) {
  return (
    <div className="watchout">
      <p className="watchout-mistake">
        <span className="watchout-label">Myth</span> {mistake}
      </p>
      <div className="watchout-correct">
        <span className="watchout-label">Correct</span>
        {children}
      </div>
    </div>
  );
}
