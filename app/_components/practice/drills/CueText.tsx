/** The scenario text with its deciding cue words marked. */
export function CueText({ text, cues }: { text: string; cues: readonly string[] }) {
  const escaped = cues.filter(Boolean).map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (escaped.length === 0) return <>{text}</>;
  // Longest first, so "1 million records" wins over "million".
  const pattern = new RegExp(`(${escaped.sort((a, b) => b.length - a.length).join('|')})`, 'gi');
  const lower = cues.map((c) => c.toLowerCase());
  return (
    <>
      {text.split(pattern).map((part, i) =>
        lower.includes(part.toLowerCase()) ? (
          <mark key={i} className="cue">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}
