import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, startAuthApi, TOKENS, uniqueSlug, type AuthApi } from '../mutations/support.js';
import { INTERVIEW_2, twoInterviews, type Fixture } from './fixtures.js';

/**
 * Uploads to `POST /import/qdpx` that cannot be read are the client's fault: 400 (415 for a Content-Encoding
 * the server cannot undo) with the JSON error body of a bad file, naming what is wrong, and nothing written.
 * Never 500, never Express's HTML page.
 */
let api: AuthApi;
let base: string;
let fixture: Fixture;

beforeAll(async () => {
  api = await startAuthApi();
  base = api.url.replace(/\/graphql$/, '');
  fixture = twoInterviews(uniqueSlug('badup'));
});

afterAll(() => api.close());

function post(body: Uint8Array, options: { query?: string; headers?: Record<string, string> } = {}) {
  return fetch(`${base}/import/qdpx${options.query ?? ''}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${TOKENS.editor}`, ...options.headers },
  });
}

/** The answer as the JSON error of a bad upload: status, code and messages (`message` plus `extensions.errors`). */
async function refusal(response: Response): Promise<{ status: number; code: unknown; text: string }> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string; errors?: string[] } }> };
  const [error] = body.errors;
  return { status: response.status, code: error!.extensions.code, text: [error!.message, ...(error!.extensions.errors ?? [])].join('\n') };
}

/** The fixture's archive with the `sources/` entry's bytes changed by `patch` (local header and central directory alike). */
function withSourceEntry(patch: (bytes: Uint8Array, header: { local: boolean; at: number; dataStart: number }) => void): Uint8Array {
  const entry = `sources/${fixture.guids['source-2']}.txt`;
  // Deflated (level 9), so that its data is a deflate stream that can be corrupted.
  const zip = zipSync({ 'project.qde': strToU8(fixture.qde), [entry]: [strToU8(INTERVIEW_2), { level: 9 }] });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at < zip.length - 4; at++) {
    const signature = view.getUint32(at, true);
    if (signature !== 0x04034b50 && signature !== 0x02014b50) continue;
    const local = signature === 0x04034b50;
    const nameLength = view.getUint16(at + (local ? 26 : 28), true);
    const nameStart = at + (local ? 30 : 46);
    if (new TextDecoder().decode(zip.subarray(nameStart, nameStart + nameLength)) !== entry) continue;
    const extraLength = local ? view.getUint16(at + 28, true) : 0;
    patch(zip, { local, at, dataStart: nameStart + nameLength + extraLength });
  }
  return zip;
}

const employeeIds = () => [`employee:${fixture.guids['case-a']}`, `employee:${fixture.guids['case-b']}`];

describe('POST /import/qdpx: files that cannot be read', () => {
  it.each([
    ['bzip2', 12],
    ['LZMA', 14],
    ['AES encryption', 99],
  ])('a source file packed with %s (method %i): 400 naming the entry, nothing written', async (_name, method) => {
    const zip = withSourceEntry((bytes, { local, at }) => new DataView(bytes.buffer, bytes.byteOffset).setUint16(at + (local ? 8 : 10), method, true));
    const answer = await refusal(await post(zip));
    expect(answer).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect(answer.text).toContain(`sources/${fixture.guids['source-2']}.txt: cannot be unpacked (unknown compression type ${method})`);
    expect(await read(api.db, 'MATCH (e:Employee) WHERE e.id IN $ids RETURN e.id', { ids: employeeIds() })).toEqual([]);
  });

  it('a source file whose deflate data is corrupt: 400 naming the entry', async () => {
    const zip = withSourceEntry((bytes, { local, dataStart }) => {
      // 0xff: a final block of the reserved type 3, which no inflater accepts.
      if (local) bytes.fill(0xff, dataStart, dataStart + 4);
    });
    const answer = await refusal(await post(zip));
    expect(answer).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect(answer.text).toMatch(new RegExp(`sources/${fixture.guids['source-2']}\\.txt: cannot be unpacked \\(invalid block type`));
  });

  it('a codebook declaring an external entity: 400 saying why, the entity never read', async () => {
    const qdc = strToU8(
      '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE CodeBook [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n' +
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="5b1c3a52-8f2e-4c7a-9d51-1f0e2a3b4c5d" name="&x;" isCodable="true"/></Codes></CodeBook>\n',
    );
    const answer = await refusal(await post(qdc, { query: '?kind=qdc' }));
    expect(answer).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect(answer.text).toContain('codebook: cannot be read as XML: External entities are not supported');
    expect(answer.text).not.toContain('root:');
  });
});

describe('POST /import/qdpx: bodies that cannot be read', () => {
  it('Content-Encoding zstd (not supported here): 415 with a JSON error', async () => {
    const answer = await refusal(await post(fixture.qdpx, { headers: { 'content-encoding': 'zstd' } }));
    expect(answer).toMatchObject({ status: 415, code: 'BAD_USER_INPUT' });
    expect(answer.text).toMatch(/unsupported content encoding "zstd"; send the file uncompressed/);
  });

  it('Content-Encoding gzip on a body that is not gzip: 400 with a JSON error', async () => {
    const answer = await refusal(await post(fixture.qdpx, { headers: { 'content-encoding': 'gzip' } }));
    expect(answer).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect(answer.text).toMatch(/^The request body could not be read as Content-Encoding gzip: /);
  });
});
