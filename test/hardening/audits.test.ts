import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHardenedApi, type HardenedApi } from './support.js';

/**
 * Issue 7, compliance: the GraphQL-over-HTTP audits of the `graphql-http` package against the real
 * `/graphql`. Every MUST passes. The SHOULDs and MAYs we do not meet are listed here with the reason,
 * and the test fails when that list is no longer exact (an audit starts passing, or another fails).
 */
const SHOULDS_NOT_MET: Record<string, string> = {
  // Issue 7 asks for 400 on every refused request. The spec's SHOULD is for legacy `application/json`
  // clients (200 with `errors`); with `application/graphql-response+json` 400 is what the spec wants, and
  // Apollo answers both with 400.
  '572B': 'SHOULD use 200 status code on document parsing failure when accepting application/json',
  FDE2: 'SHOULD use 200 status code on document validation failure when accepting application/json',
  '7B9B': 'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
};

const MAYS_NOT_MET: Record<string, string> = {
  // Apollo's CSRF prevention refuses GETs without an `Apollo-Require-Preflight` (or
  // `X-Apollo-Operation-Name`) header, which the audits do not send.
  '5A70': 'MAY accept application/x-www-form-urlencoded formatted GET requests',
  D6D5: 'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json',
  '6A70': 'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json',
};

describe('graphql-http server audits', () => {
  let api: HardenedApi;
  const results: AuditResult[] = [];
  beforeAll(async () => {
    api = await startHardenedApi();
    for (const audit of serverAudits({ url: () => `${api.url}/graphql` })) results.push(await audit.fn());
  });
  afterAll(() => api?.close());

  it('runs the whole list of graphql-http 1.23: 13 MUST, 23 SHOULD, 25 MAY', () => {
    const levels = results.map((result) => result.name.split(' ')[0]);
    expect(levels.filter((level) => level === 'MUST')).toHaveLength(13);
    expect(levels.filter((level) => level === 'SHOULD')).toHaveLength(23);
    expect(levels.filter((level) => level === 'MAY')).toHaveLength(25);
  });

  it('passes every MUST', () => {
    const failed = results.filter((result) => result.name.startsWith('MUST') && result.status !== 'ok');
    expect(failed.map((result) => `${result.id} ${result.name}: ${result.status === 'ok' ? '' : result.reason}`)).toEqual([]);
  });

  it('misses exactly the SHOULDs listed (with their reasons)', () => {
    const missed = results.filter((result) => result.name.startsWith('SHOULD') && result.status !== 'ok');
    expect(Object.fromEntries(missed.map((result) => [result.id, result.name]))).toEqual(SHOULDS_NOT_MET);
  });

  it('misses exactly the MAYs listed (with their reasons)', () => {
    const missed = results.filter((result) => result.name.startsWith('MAY') && result.status !== 'ok');
    expect(Object.fromEntries(missed.map((result) => [result.id, result.name]))).toEqual(MAYS_NOT_MET);
  });

  it('the GET MAYs pass for a client that sends the CSRF header', async () => {
    const withPreflight = (input: string | URL | Request, init: RequestInit = {}) =>
      fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers).entries()), 'apollo-require-preflight': 'true' } });
    const audits = serverAudits({ url: `${api.url}/graphql`, fetchFn: withPreflight }).filter((audit) => audit.id in MAYS_NOT_MET);
    expect(audits).toHaveLength(Object.keys(MAYS_NOT_MET).length);
    for (const audit of audits) expect(await audit.fn()).toMatchObject({ id: audit.id, status: 'ok' });
  });
});
