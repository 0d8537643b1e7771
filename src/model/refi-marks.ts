/**
 * How a REFI-QDA file marks made-up data: written by our export (src/export/qdpx.ts), read back by our import
 * (src/import/qdpx/translate.ts). One definition for both, so the round trip cannot drift apart.
 * - `set`: a Set whose member codes and sources are made up (Sets cannot hold cases), with `setDescription`
 *   for whoever opens the project;
 * - `variable`: a Boolean case variable, true on a made-up interviewee;
 * - `prefix`: the start of the Description of a made-up code or selection and of the name of a made-up source.
 */
export const REFI_SYNTHETIC_MARKS = {
  set: 'Synthetic (made-up data)',
  setDescription:
    'Made-up, illustrative data (synthetic), not research data: these codes and sources, the cases whose variable Synthetic is true, ' +
    'and every code, selection or source whose description or name begins with [synthetic].',
  variable: 'Synthetic',
  prefix: '[synthetic]',
} as const;

const MARK_PREFIX = /^\s*\[synthetic\](?:\s+|$)/i;

/** `text` marked as made up when `synthetic`: the prefix, then the text (if any). */
export function withMark(text: string | null, synthetic: boolean): string | null {
  if (!synthetic) return text;
  return text ? `${REFI_SYNTHETIC_MARKS.prefix} ${text}` : REFI_SYNTHETIC_MARKS.prefix;
}

/** `text` without the made-up prefix (null when nothing else is left), and whether it had one. */
export function withoutMark(text: string | null): { marked: boolean; text: string | null } {
  if (text === null || !MARK_PREFIX.test(text)) return { marked: false, text };
  const rest = text.replace(MARK_PREFIX, '');
  return { marked: true, text: rest.trim() === '' ? null : rest };
}
