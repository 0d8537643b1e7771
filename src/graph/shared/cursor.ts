import { badInput } from '../../errors.js';

/**
 * Cursors are opaque to clients: base64url of `o:<offset>`, the position of the row in the ordered list.
 * Ordering always ends with `id`, so a position is stable as long as the data is.
 */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

/** The offset after the row the cursor names; a cursor we did not issue is BAD_USER_INPUT. */
export function offsetAfter(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined) return 0;
  const decoded = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!decoded || Buffer.from(`o:${decoded[1]}`).toString('base64url') !== cursor) {
    throw badInput(`"after" must be a cursor returned by this API (got "${cursor.slice(0, 40)}")`, 'after');
  }
  return Number(decoded[1]) + 1;
}
