'use client';

import { useEffect, useRef, useState } from 'react';

const remainingMs = (endsAt: string) => new Date(endsAt).getTime() - Date.now();

function format(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** Exam-mode countdown. The end time is saved with the attempt, so a reload does not reset it. */
export function Countdown({ endsAt, onExpire }: { endsAt: string; onExpire: () => void }) {
  const [left, setLeft] = useState(() => remainingMs(endsAt));
  const expire = useRef(onExpire);
  useEffect(() => {
    expire.current = onExpire;
  }, [onExpire]);
  useEffect(() => {
    const tick = () => {
      const ms = remainingMs(endsAt);
      setLeft(ms);
      if (ms <= 0) {
        clearInterval(timer);
        expire.current();
      }
    };
    const timer = setInterval(tick, 500);
    tick();
    return () => clearInterval(timer);
  }, [endsAt]);
  return (
    <p className={left < 60_000 ? 'countdown countdown-low' : 'countdown'}>
      Time left: <span role="timer" aria-label="Time left">{format(left)}</span>
    </p>
  );
}
