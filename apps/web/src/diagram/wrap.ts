/** Step titles on the diagram's boxes: wrapped to the box, never cut mid-word unless nothing else fits. */

/** Rough advance of a character of a 13px bold title: CJK and full-width forms a full em, others ~0.58. */
function charWidth(c: string): number {
  return /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/.test(c) ? 13 : 7.5;
}

/**
 * Splits a title into at most `lines` lines that fit `width` pixels (at word boundaries where there are
 * spaces; anywhere in Japanese), with an ellipsis only when even that is not enough. The full title is in
 * the node's <title> and in the step table.
 */
export function wrapTitle(text: string, width: number, lines = 2): string[] {
  const out: string[] = [];
  let line = '';
  let w = 0;
  const tokens = text.match(/\S+\s*|\s+/g) ?? [];
  const pieces = tokens.flatMap((t) => (/[\u2E80-\u9FFF]/.test(t) ? [...t] : [t]));
  for (const piece of pieces) {
    const pw = [...piece].reduce((sum, c) => sum + charWidth(c), 0);
    if (w + pw > width && line.trim()) {
      out.push(line.trimEnd());
      line = '';
      w = 0;
    }
    line += piece;
    w += pw;
  }
  if (line.trim()) out.push(line.trimEnd());
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  let last = kept[lines - 1]!;
  while (last.length > 1 && [...`${last}…`].reduce((sum, c) => sum + charWidth(c), 0) > width)
    last = last.slice(0, -1);
  kept[lines - 1] = `${last.trimEnd()}…`;
  return kept;
}
