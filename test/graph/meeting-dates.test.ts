import { describe, expect, it } from 'vitest';
import { uniqueSlug, useAuthApi, type AuthApi } from '../mutations/support.js';

// Dates of the years 0001–0099 are real ISO dates (LocalDate accepts them, Neo4j stores them), but JavaScript's
// Date.UTC reads those years as 1900–1999: the date was taken for invalid, so a `dateTo` bound was dropped
// (every meeting came back) and such a date could not be written. This file's meeting has a unique id.
const id = `meeting:oudheid-${uniqueSlug()}`;
let api: AuthApi;
useAuthApi(new Set([id]), (started) => (api = started));

interface Meetings {
  meetings: { totalCount: number; edges: Array<{ node: { id: string; date: string } }> };
}
/** `meetings(where: { dateFrom, dateTo })`. */
const between = (from: string | null, to: string | null) => api.data<Meetings>('MeetingsBetween', { from, to }).then((data) => data.meetings);
/** This file's meeting among them, if it is. */
const ours = (from: string | null, to: string | null) => between(from, to).then((meetings) => meetings.edges.filter((edge) => edge.node.id === id));

describe('meeting dates in the years 0001–0099', () => {
  it('a dateTo in year 50 keeps its bound: no meeting is that old', async () => {
    expect((await between(null, '0050-06-01')).totalCount).toBe(0);
    expect((await between('0050-06-01', null)).totalCount).toBeGreaterThan(0);
  });

  it('a meeting can be dated in year 50, moved to year 99, and is found by its bounds', async () => {
    const created = await api.op<{ createMeeting: { id: string; date: string } }>('CreateMeeting', { input: { id, title: 'Bijeenkomst in de oudheid', date: '0050-03-01', kind: 'WORKSHOP' } });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createMeeting).toMatchObject({ id, date: '0050-03-01' });
    expect((await between(null, '0050-06-01')).totalCount).toBe(1);
    expect(await ours(null, '0050-02-28')).toEqual([]);

    const updated = await api.op<{ updateMeeting: { date: string } }>('UpdateMeeting', { id, input: { date: '0099-12-31' } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateMeeting.date).toBe('0099-12-31');
    expect(await ours('0099-12-31', '0099-12-31')).toEqual([{ node: { id, date: '0099-12-31' } }]);
    expect(await ours(null, '0050-06-01')).toEqual([]);
  });
});
