import { describe, expect, it } from 'vitest';
import { encodeCursor, offsetAfter } from './cursor.js';

describe('cursors', () => {
  it('round-trips: the page after a cursor starts at the next row', () => {
    expect(offsetAfter(encodeCursor(0))).toBe(1);
    expect(offsetAfter(encodeCursor(41))).toBe(42);
  });

  it('starts at the beginning without a cursor', () => {
    expect(offsetAfter(undefined)).toBe(0);
    expect(offsetAfter(null)).toBe(0);
  });

  it.each(['', 'garbage', 'bzoxMg==', Buffer.from('o:-1').toString('base64url'), Buffer.from('o:1x').toString('base64url')])(
    'rejects a cursor it did not issue (%s) as BAD_USER_INPUT',
    (cursor) => {
      expect(() => offsetAfter(cursor)).toThrowError(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }));
    },
  );
});
