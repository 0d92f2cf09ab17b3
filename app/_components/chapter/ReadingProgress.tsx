'use client';

import { useEffect, useState } from 'react';

/** A thin bar showing how far through the article the reader has scrolled. */
export function ReadingProgress({ targetId }: { targetId: string }) {
  const [percent, setPercent] = useState(0);

  useEffect(() => {
    const update = () => {
      const target = document.getElementById(targetId);
      if (!target) return;
      const rect = target.getBoundingClientRect();
      const total = rect.height - window.innerHeight;
      const done = total <= 0 ? 1 : Math.min(1, Math.max(0, -rect.top / total));
      setPercent(Math.round(done * 100));
    };
    update();
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [targetId]);

  return (
    <div className="reading-progress" role="progressbar" aria-label="Reading progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
      <div className="reading-progress-bar" style={{ transform: `scaleX(${percent / 100})` }} />
    </div>
  );
}
