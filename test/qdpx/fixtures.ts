import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';

/**
 * Made-up REFI-QDA projects written from the XSD (never real interview data), built afresh in each test
 * file with new GUIDs so that their ids are the file's own. Positions are worked out from the texts in
 * code points, as REFI counts them; the first interview has an emoji before its selections, so a
 * UTF-16 cut would be off by one.
 */

/**
 * The REFI-QDA 1.0 project schema (QDA-XML, release of 18 March 2019, MIT licence: the notice is inside the file),
 * kept in the repository so that every clone checks the files it reads and writes against it.
 */
export const XSD_PATH = resolve(import.meta.dirname, '../fixtures/refi-qda/Project.xsd');

/** Validates `project.qde` text against the REFI-QDA project schema: the schema's complaints, none when valid. */
export async function xsdErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'project.qde', contents: xml }],
    schema: [{ fileName: 'Project.xsd', contents: readFileSync(XSD_PATH, 'utf8') }],
  });
  return result.errors.map((error) => error.rawMessage);
}

export const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Start (inclusive) and end (exclusive) of `phrase` in `text`, in code points. */
export function span(text: string, phrase: string): [number, number] {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`fixture: "${phrase}" not in text`);
  const start = Array.from(text.slice(0, at)).length;
  return [start, start + Array.from(phrase).length];
}

export const INTERVIEW_1 =
  'I: Hoe pak je dat aan? 😀 A: Ik kijk naar de bedoeling van de regel, niet naar de letter. ' +
  'Soms laat ik het initiatief helemaal los. Ik vertrouw de bewoners. We drinken koffie in de buurt en wegen dan samen de belangen af.';
export const INTERVIEW_2 = 'Ambtenaar: "Wij zeggen vaker ja dan nee." Daarna: wij zoeken samen naar ruimte in de regels. Café-eigenaar was blij.';

export type CodeKey = 'handelen' | 'vertrouwen' | 'buurtkoffie' | 'loslaten' | 'afwegen' | 'conclusie' | 'emotie';

export interface SelectionSpec {
  key: string;
  source: 1 | 2;
  phrase: string;
  codes: CodeKey[];
}

/** The selections of the two interviews and their codes; co-occurrence tests count from this table by hand. */
export const SELECTIONS: SelectionSpec[] = [
  { key: 'q1', source: 1, phrase: 'Ik kijk naar de bedoeling van de regel, niet naar de letter.', codes: ['handelen', 'afwegen'] },
  { key: 'q2', source: 1, phrase: 'Soms laat ik het initiatief helemaal los.', codes: ['loslaten', 'conclusie'] },
  // Overlaps q2 ("los.").
  { key: 'q3', source: 1, phrase: 'los. Ik vertrouw de bewoners.', codes: ['vertrouwen'] },
  { key: 'q4', source: 1, phrase: 'We drinken koffie in de buurt', codes: ['buurtkoffie'] },
  // Only an unmapped code: not a quotation, its text never stored.
  { key: 'q5', source: 1, phrase: 'wegen dan samen de belangen af.', codes: ['emotie'] },
  { key: 'q6', source: 2, phrase: 'Wij zeggen vaker ja dan nee.', codes: ['handelen', 'loslaten'] },
  { key: 'q7', source: 2, phrase: 'wij zoeken samen naar ruimte in de regels', codes: ['handelen'] },
  { key: 'q8', source: 2, phrase: 'Café-eigenaar was blij.', codes: ['afwegen'] },
];

export interface Fixture {
  tag: string;
  guids: Record<string, string>;
  /** Name of the new practice this fixture creates (unique per file). */
  newPractice: string;
  caseA: string;
  caseB: string;
  qde: string;
  qdpx: Uint8Array;
}

/**
 * The two-interview project: codes in groups `Werkpraktijken`, `Dilemma's`, `Conclusies` (three attach to
 * seed nodes by name, one practice is new) and `Overig` (not mapped); two cases with `Gemeente`/`Functie`;
 * interview 1 inline (`PlainTextContent`), interview 2 as `sources/<guid>.txt`.
 */
export function twoInterviews(tag: string, options: { municipalityB?: string; mutate?: (qde: string) => string } = {}): Fixture {
  const g: Record<string, string> = {};
  const guid = (key: string) => (g[key] ??= randomUUID());
  const upper = (key: string) => guid(key).toUpperCase();
  const newPractice = `Buurtkoffie ${tag}`;
  const caseA = `Interviewee A ${tag}`;
  const caseB = `Interviewee B ${tag}`;
  const code = (key: CodeKey, name: string, description?: string) =>
    `<Code guid="${guid(key)}" name="${esc(name)}" isCodable="true">${description ? `<Description>${esc(description)}</Description>` : ''}</Code>`;
  const selections = (source: 1 | 2, text: string) =>
    SELECTIONS.filter((s) => s.source === source)
      .map((s) => {
        const [start, end] = span(text, s.phrase);
        // Interview 2 writes its GUIDs in upper case and braces: both are allowed by the XSD.
        const sel = source === 2 ? `{${upper(s.key)}}` : guid(s.key);
        const codings = s.codes.map((c, i) => `<Coding guid="${guid(`${s.key}-c${i}`)}"><CodeRef targetGUID="${guid(c)}"/></Coding>`).join('');
        return `<PlainTextSelection guid="${sel}" name="${esc(s.phrase.slice(0, 20))}" startPosition="${start}" endPosition="${end}" creationDateTime="2026-11-30T10:00:00Z">${codings}</PlainTextSelection>`;
      })
      .join('\n');
  let qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Verzonnen interviews ${esc(tag)}" origin="Practice Graph test fixture" creationDateTime="2026-11-30T10:00:00Z">
<Users><User guid="${guid('user')}" name="Onderzoeker"/></Users>
<CodeBook><Codes>
<Code guid="${guid('g-practices')}" name="Werkpraktijken" isCodable="false">
${code('handelen', 'Handelen in de geest van de wet')}
${code('vertrouwen', 'vertrouwen')}
${code('buurtkoffie', newPractice, 'Koffie drinken met bewoners in de buurt.')}
</Code>
<Code guid="${guid('g-dilemmas')}" name="Dilemma’s" isCodable="false">
${code('loslaten', 'Loslaten of sturen')}
${code('afwegen', 'Afwegen van belangen')}
</Code>
<Code guid="${guid('g-conclusions')}" name="CONCLUSIES" isCodable="false">
${code('conclusie', 'Loslaten vraagt visie en kaders')}
</Code>
<Code guid="${guid('g-other')}" name="Overig" isCodable="true">
${code('emotie', 'Emotie')}
</Code>
</Codes></CodeBook>
<Variables>
<Variable guid="${guid('v-gemeente')}" name="Gemeente" typeOfVariable="Text"/>
<Variable guid="${guid('v-functie')}" name="Functie" typeOfVariable="Text"/>
</Variables>
<Cases>
<Case guid="${guid('case-a')}" name="${esc(caseA)}">
<VariableValue><VariableRef targetGUID="${guid('v-gemeente')}"/><TextValue>Breda</TextValue></VariableValue>
<VariableValue><VariableRef targetGUID="${guid('v-functie')}"/><TextValue>wijkregisseur</TextValue></VariableValue>
<SourceRef targetGUID="${guid('source-1')}"/>
</Case>
<Case guid="${guid('case-b')}" name="${esc(caseB)}">
<VariableValue><VariableRef targetGUID="${guid('v-gemeente')}"/><TextValue>${esc(options.municipalityB ?? 'tilburg')}</TextValue></VariableValue>
<VariableValue><VariableRef targetGUID="${guid('v-functie')}"/><TextValue>beleidsmedewerker</TextValue></VariableValue>
<SourceRef targetGUID="${guid('source-2')}"/>
</Case>
</Cases>
<Sources>
<TextSource guid="${guid('source-1')}" name="Interview A ${esc(tag)}" creationDateTime="2026-11-30T10:00:00Z">
<PlainTextContent>${esc(INTERVIEW_1)}</PlainTextContent>
${selections(1, INTERVIEW_1)}
</TextSource>
<TextSource guid="${guid('source-2')}" name="Interview B ${esc(tag)}" plainTextPath="internal://${guid('source-2')}.txt">
${selections(2, INTERVIEW_2)}
</TextSource>
</Sources>
</Project>
`;
  if (options.mutate) qde = options.mutate(qde);
  const qdpx = zipSync({ 'project.qde': strToU8(qde), [`sources/${guid('source-2')}.txt`]: strToU8(INTERVIEW_2) });
  return { tag, guids: g, newPractice, caseA, caseB, qde, qdpx };
}

/**
 * A codebook-only project as ATLAS.ti writes it: flat codes with colours and descriptions, the code
 * groups as `Sets` of member codes, no sources or cases. Also as a `.qdc` (the same codes and sets in the
 * codebook namespace).
 */
export function atlasCodebook(tag: string): { qde: string; qdpx: Uint8Array; qdc: Uint8Array; practice: string; dilemma: string; guids: Record<string, string> } {
  const g: Record<string, string> = {};
  const guid = (key: string) => (g[key] ??= randomUUID().toUpperCase());
  const practice = `Samen optrekken ${tag}`;
  const dilemma = `Snelheid of zorgvuldigheid ${tag}`;
  const codes = `<Codes>
<Code guid="${guid('p1')}" name="${esc(practice)}" isCodable="true" color="#3366cc"><Description>Met initiatiefnemers samen optrekken.</Description></Code>
<Code guid="${guid('p2')}" name="Vertrouwen" isCodable="true" color="#3366cc"/>
<Code guid="${guid('d1')}" name="${esc(dilemma)}" isCodable="true" color="#cc3333"><Description>Snel handelen of zorgvuldig toetsen.</Description></Code>
<Code guid="${guid('x1')}" name="Memo-achtig" isCodable="true"/>
</Codes>`;
  const sets = `<Sets>
<Set guid="${guid('s1')}" name="Praktijken"><MemberCode targetGUID="${guid('p1')}"/><MemberCode targetGUID="${guid('p2')}"/></Set>
<Set guid="${guid('s2')}" name="Dilemmas"><MemberCode targetGUID="${guid('d1')}"/></Set>
</Sets>`;
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="ATLAS codebook ${esc(tag)}" origin="ATLAS.ti 23.0.0" creationDateTime="2026-11-30T10:00:00">
<CodeBook>${codes}</CodeBook>
${sets}
</Project>
`;
  const qdc = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti 23.0.0">${codes}${sets}</CodeBook>
`;
  return { qde, qdpx: zipSync({ 'project.qde': strToU8(qde) }), qdc: strToU8(qdc), practice, dilemma, guids: g };
}

/**
 * `qde` (a `twoInterviews` project) with codes renamed (`[old name, new name]`, so that they attach to
 * other seed nodes) and extra codings (`[phrase of a selection, code name]`: that selection is coded with
 * that code too, by the code's new name). For `twoInterviews`' `mutate` option.
 */
export function recoded(qde: string, renames: Array<[from: string, to: string]>, codings: Array<[phrase: string, code: string]> = []): string {
  let out = qde;
  for (const [from, to] of renames) {
    if (!out.includes(`name="${esc(from)}"`)) throw new Error(`fixture: no code "${from}"`);
    out = out.replace(`name="${esc(from)}"`, `name="${esc(to)}"`);
  }
  for (const [phrase, code] of codings) {
    const codeGuid = new RegExp(`<Code guid="([^"]+)" name="${esc(code)}"`).exec(out)?.[1];
    const opening = new RegExp(`<PlainTextSelection [^>]*name="${esc(phrase.slice(0, 20))}"[^>]*>`).exec(out)?.[0];
    if (!codeGuid || !opening) throw new Error(`fixture: no code "${code}" or selection "${phrase}"`);
    out = out.replace(opening, `${opening}<Coding guid="${randomUUID()}"><CodeRef targetGUID="${codeGuid}"/></Coding>`);
  }
  return out;
}

/** Every id an import of `f` can create (interviewees, interviews, quotations, the new practice, the project's source): for clean-up. */
export function createdIds(f: Fixture): string[] {
  const g = f.guids;
  return [
    `employee:${g['case-a']}`, `employee:${g['case-b']}`, `source:${g['source-1']}`, `source:${g['source-2']}`,
    ...SELECTIONS.map((s) => `quotation:${g[s.key]}`), `practice:buurtkoffie-${f.tag}`, `source:refi-qda-verzonnen-interviews-${f.tag}`,
  ];
}
