import type { ReactNode } from 'react';

/** "**bold**" inside a line. */
function inline(text: string, key: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*)/).map((part, i) =>
    part.startsWith('**') && part.endsWith('**') && part.length > 4 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed line
      <strong key={`${key}-${i}`}>{part.slice(2, -2)}</strong>
    ) : (
      part
    ),
  );
}

/**
 * A lesson caption: paragraphs separated by blank lines, "- " lines as bullets, **bold**.
 * Built as elements, never as HTML, so a lesson file cannot inject markup.
 */
export function Caption({ text }: { text: string }) {
  const blocks = text.split(/\n\s*\n/).filter((b) => b.trim() !== '');
  return (
    <div className="caption" data-testid="lesson-caption">
      {blocks.map((block, b) => {
        const lines = block.split('\n');
        if (lines.every((l) => l.startsWith('- '))) {
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks of one fixed caption
            <ul key={b}>
              {lines.map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines of one fixed block
                <li key={i}>{inline(l.slice(2), `${b}-${i}`)}</li>
              ))}
            </ul>
          );
        }
        // biome-ignore lint/suspicious/noArrayIndexKey: blocks of one fixed caption
        return <p key={b}>{inline(lines.join(' '), String(b))}</p>;
      })}
    </div>
  );
}
