import type { UrlNote } from '../url/url-state';

/** Settings from the page's link that the widget could not use, each with what it accepts. */
export function UrlNotes({ notes, className = 'schedx-note' }: { notes: UrlNote[]; className?: string }) {
  if (notes.length === 0) return null;
  return (
    <div className={className} role="note" aria-label="Link settings not used">
      <p>
        <strong>Some settings in this page&rsquo;s link could not be used</strong>, so the defaults are shown instead:
      </p>
      <ul>
        {notes.map((n, i) => (
          <li key={`${n.param}-${i}`}>
            <code>
              {n.param}={n.value}
            </code>
            : allowed is {n.allowed}; using {n.fallback}.
          </li>
        ))}
      </ul>
    </div>
  );
}
