'use client';

import { useEffect, useRef, useState } from 'react';
import type { Question } from '@/app/_content/assessment-schema';

interface Props {
  question: Question;
  arrangement: string[];
  disabled: boolean;
  onChange: (next: string[]) => void;
}

/** An `order` question: every item has Move up / Move down buttons, so no dragging is needed. */
export function OrderList({ question, arrangement, disabled, onChange }: Props) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const pendingFocus = useRef<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const textOf = (id: string) => question.choices.find((c) => c.id === id)?.text ?? id;

  // Reordering moves DOM nodes, which drops focus: put it back on the button just used.
  useEffect(() => {
    if (!pendingFocus.current) return;
    buttons.current.get(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  }, [arrangement]);

  const move = (index: number, dir: 'up' | 'down') => {
    const target = dir === 'up' ? index - 1 : index + 1;
    const id = arrangement[index] as string;
    const next = [...arrangement];
    [next[index], next[target]] = [next[target] as string, id];
    onChange(next);
    // Keep focus on the same button unless the item reached the end it was moving to.
    const atEdge = dir === 'up' ? target === 0 : target === next.length - 1;
    pendingFocus.current = `${id}:${atEdge ? (dir === 'up' ? 'down' : 'up') : dir}`;
    setAnnouncement(`Moved "${textOf(id)}" to position ${target + 1} of ${next.length}.`);
  };

  return (
    <>
      <ol className="order-list">
        {arrangement.map((id, i) => (
          <li key={id} className="order-item">
            <span className="order-text">{textOf(id)}</span>
            <span className="order-buttons">
              {(['up', 'down'] as const).map((dir) => {
                const key = `${id}:${dir}`;
                const blocked = disabled || (dir === 'up' ? i === 0 : i === arrangement.length - 1);
                return (
                  <button
                    key={dir}
                    type="button"
                    className="order-button"
                    ref={(el) => {
                      if (el) buttons.current.set(key, el);
                      else buttons.current.delete(key);
                    }}
                    disabled={blocked}
                    aria-label={`Move "${textOf(id)}" ${dir}`}
                    onClick={() => move(i, dir)}
                  >
                    <span aria-hidden="true">{dir === 'up' ? '↑' : '↓'}</span>
                  </button>
                );
              })}
            </span>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
