/**
 * Greedy word wrapping for canvas text, which fillText does not do. `measure` is the canvas's
 * measureText width; a word longer than a line gets a line of its own. At most `maxLines` lines: the
 * last takes whatever is left (fillText's maxWidth then narrows it rather than letting it overflow).
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate) > maxWidth && lines.length < maxLines - 1) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}
