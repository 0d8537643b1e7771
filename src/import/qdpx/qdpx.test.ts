import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { GUID_PATTERN, guidOfId, guidTable, normalGuid, uuidV5 } from '../../model/index.js';
import { nameKey, parseMapping } from './mapping.js';
import { readRefi, RefiFormatError } from './read.js';

describe('GUIDs', () => {
  it('uuidV5 gives the RFC 9562 example (www.example.com in the DNS namespace)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('an id carrying a GUID gives it back; other ids a stable v5 UUID in the XSD pattern that the table maps back', () => {
    expect(guidOfId('quotation:3f2504e0-4f89-11d3-9a0c-0305e82c3301')).toBe('3f2504e0-4f89-11d3-9a0c-0305e82c3301');
    const guid = guidOfId('practice:vertrouwen');
    expect(guid).toMatch(GUID_PATTERN);
    expect(guid[14]).toBe('5');
    expect(guidOfId('practice:vertrouwen')).toBe(guid);
    expect(guidOfId('practice:vertrouwen-2')).not.toBe(guid);
    expect(guidTable(['practice:vertrouwen']).get(guid)).toBe('practice:vertrouwen');
    expect(normalGuid('{3F2504E0-4F89-11D3-9A0C-0305E82C3301}')).toBe('3f2504e0-4f89-11d3-9a0c-0305e82c3301');
  });
});

describe('names and mapping', () => {
  it('group names compare ignoring case, diacritics and the kind of apostrophe', () => {
    expect(nameKey('Dilemma’s')).toBe(nameKey("dilemma's"));
    expect(nameKey('  Conclusies ')).toBe(nameKey('CONCLUSIES'));
    expect(nameKey('Geïnterviewd')).toBe(nameKey('geinterviewd'));
  });

  it('a mapping keeps the defaults it does not override', () => {
    const mapping = parseMapping({ groups: { practices: 'Werkwijzen' } });
    expect(mapping.groups.practices).toEqual(['Werkwijzen']);
    expect(mapping.groups.dilemmas).toContain("Dilemma's");
    expect(mapping.practiceKind).toBeNull();
  });
});

describe('readRefi', () => {
  const project = (body: string) => zipSync({ 'project.qde': strToU8(`<Project xmlns="urn:QDA-XML:project:1.0" name="p">${body}</Project>`) });
  const errorsOf = (bytes: Uint8Array) => {
    try {
      readRefi(bytes);
    } catch (error) {
      if (error instanceof RefiFormatError) return error.errors;
      throw error;
    }
    return [];
  };

  it('cuts nothing itself but keeps the text exactly: entities decoded, whitespace kept', () => {
    const refi = readRefi(project('<Sources><TextSource guid="3f2504e0-4f89-11d3-9a0c-0305e82c3301"><PlainTextContent>  a &amp; b&#10;😀 </PlainTextContent></TextSource></Sources>'));
    expect(refi.sources[0]!.text()).toBe('  a & b\n😀 ');
  });

  it('reads a sources/ file when its text is asked for, and reports progress per source', () => {
    const guid = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
    const bytes = zipSync({
      'project.qde': strToU8(`<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources><TextSource guid="${guid}" plainTextPath="internal://a.txt"/></Sources></Project>`),
      'sources/a.txt': strToU8('één 😀 interview'),
    });
    const progress: Array<[number, number]> = [];
    const refi = readRefi(bytes, 'qdpx', (done, total) => progress.push([done, total]));
    expect(progress).toEqual([[0, 1], [1, 1]]);
    expect(refi.sources[0]!.text()).toBe('één 😀 interview');
    expect(refi.sources[0]!.text()).toBe('één 😀 interview');
  });

  it('names the element and GUID of each structural problem', () => {
    const errors = errorsOf(
      project(`<Sources><TextSource guid="3f2504e0-4f89-11d3-9a0c-0305e82c3301">
        <PlainTextSelection guid="not-a-guid" startPosition="1" endPosition="2"/>
        <PlainTextSelection guid="3f2504e0-4f89-11d3-9a0c-0305e82c3302" startPosition="5" endPosition="2"/>
        <PlainTextSelection guid="3f2504e0-4f89-11d3-9a0c-0305e82c3303" startPosition="x" endPosition="2"/>
      </TextSource></Sources>`),
    );
    expect(errors).toEqual([
      'Project/Sources/TextSource[1]/PlainTextSelection[1]: guid "not-a-guid" is not a GUID (8-4-4-4-12 hex digits)',
      'Project/Sources/TextSource[1]/PlainTextSelection[2] (guid 3f2504e0-4f89-11d3-9a0c-0305e82c3302): startPosition 5 is after endPosition 2',
      'Project/Sources/TextSource[1]/PlainTextSelection[3] (guid 3f2504e0-4f89-11d3-9a0c-0305e82c3303): startPosition "x" is not an integer',
    ]);
  });

  it('refuses a plainTextPath outside the archive and a project in another namespace', () => {
    expect(errorsOf(project('<Sources><TextSource guid="3f2504e0-4f89-11d3-9a0c-0305e82c3301" plainTextPath="relative://x.txt"/></Sources>'))[0]).toMatch(
      /plainTextPath "relative:\/\/x\.txt" is outside the archive/,
    );
    expect(errorsOf(zipSync({ 'project.qde': strToU8('<Project xmlns="urn:other" name="p"/>') }))[0]).toMatch(/must be in namespace urn:QDA-XML:project:1\.0/);
  });
});
