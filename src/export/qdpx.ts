import { strToU8, zipSync } from 'fflate';
import type { Database } from '../db/database.js';
import { DataScope, REFI_SYNTHETIC_MARKS, andClause, elementInScope, guidOfId, guidOfName, scopePredicate, whereClause, withMark } from '../model/index.js';
import { xmlEscape } from './xml.js';

/**
 * REFI-QDA export: `project.qdpx` (a zip of `project.qde` and `sources/`) and `codebook.qdc`, valid
 * against the REFI-QDA 1.0 schema. GUIDs come from our ids (`guidOfId`: the GUID an import took the id
 * from, else a v5 UUID of the id), so every export names the same node with the same GUID and a
 * re-import finds the nodes it came from.
 *
 * - Codebook: practices, dilemmas and conclusions under the group codes `Werkpraktijken`, `Dilemma's`
 *   and `Conclusies` (what the importer maps by default), with their descriptions.
 * - Cases: every interviewee (Employee), name = pseudonym, variables `Gemeente` and `Functie`, a
 *   `SourceRef` per interview and a `SelectionRef` per quotation they said.
 * - Sources: every INTERVIEW source and every source quotations are cut from, with the quotations as
 *   `PlainTextSelection`s and their codes as codings. We never store an interview's whole text: the
 *   plain text written is the quotations at their positions with spaces between, so positions and
 *   selected text agree. Without `includeRestricted` no text at all is written (selections keep their
 *   positions and codes).
 * - Made-up data (a node's `synthetic` flag, db/synthetic.ts) is marked so that a person sees it in any QDA
 *   tool and our import reads it back (translate.ts reads the same marks: neither layer may import the other):
 *   made-up codes and sources are members of the Set `REFI_SYNTHETIC_MARKS.set`; every case has the Boolean variable
 *   `Synthetic`; and the Description of a made-up code or selection, and the name of a made-up source, begin
 *   with `[synthetic]`. A source's name is only its label (its GUID is its identity), so the mark can sit
 *   where every tool lists it; a code's name is its identity when matched by name, so there the Description
 *   carries it, the only place `codebook.qdc` has (its schema has no Sets).
 * - Scope (`scope`, as every export takes it): REAL writes only what is not made up and SYNTHETIC only what is,
 *   by the shared `scopePredicate` over every node and relationship a file element stands for (a coding is its
 *   CODED_AS and the code, a case's SourceRef its INTERVIEWED_IN, …), so no element points at one left out.
 *   ALL writes everything, marked as above.
 */

export interface QdpxExportOptions {
  /** Write quotation texts (and the source texts made of them). Editors and admins only; default false. */
  includeRestricted?: boolean;
  /** The project's timestamps; default now. */
  now?: Date;
  /** Only real (REAL) or only made-up (SYNTHETIC) data; default ALL, everything, with the made-up part marked. */
  scope?: DataScope;
}

/** Options of `exportCodebook`. */
export interface QdcExportOptions {
  /** Only real or only made-up codes; default ALL. */
  scope?: DataScope;
}

const GROUPS = [
  { label: 'Practice', group: 'Werkpraktijken', key: 'practices' },
  { label: 'Dilemma', group: "Dilemma's", key: 'dilemmas' },
  { label: 'Conclusion', group: 'Conclusies', key: 'conclusions' },
] as const;

const VARIABLES = { municipality: 'Gemeente', role: 'Functie' } as const;

interface CodeRow {
  label: string;
  id: string;
  name: string;
  description: string | null;
  synthetic: boolean;
}

interface QuotationRow {
  id: string;
  name: string;
  start: number;
  end: number;
  text: string | null;
  codes: string[];
  synthetic: boolean;
}

interface SourceRow {
  id: string;
  title: string;
  synthetic: boolean;
  quotations: QuotationRow[];
}

interface CaseRow {
  id: string;
  pseudonym: string;
  role: string | null;
  municipality: string | null;
  sources: string[];
  quotations: string[];
  synthetic: boolean;
}

/** The codebook's codes in `scope`, in one read. */
async function codeRows(db: Database, scope: DataScope): Promise<CodeRow[]> {
  return (await db.read(
    `MATCH (n) WHERE (n:Practice OR n:Dilemma OR n:Conclusion) ${andClause(scopePredicate(scope, ['n']))}
     RETURN CASE WHEN n:Practice THEN 'Practice' WHEN n:Dilemma THEN 'Dilemma' ELSE 'Conclusion' END AS label,
            n.id AS id, coalesce(n.name, n.statement) AS name, n.description AS description, coalesce(n.synthetic, false) AS synthetic
     ORDER BY label, name, id`,
  )) as unknown as CodeRow[];
}

/** The codebook as XML elements (`<Codes>…</Codes>`); a made-up code's Description carries the mark. */
function codesXml(rows: CodeRow[]): string {
  const groups = GROUPS.map(({ label, group, key }) => {
    const children = rows
      .filter((row) => row.label === label)
      .map((row) => {
        const text = withMark(row.description, row.synthetic);
        const description = text ? `<Description>${xmlEscape(text)}</Description>` : '';
        return `<Code guid="${guidOfId(row.id)}" name="${xmlEscape(row.name)}" isCodable="true">${description}</Code>`;
      });
    return `<Code guid="${guidOfName(`group:${key}`)}" name="${xmlEscape(group)}" isCodable="false">${children.join('\n')}</Code>`;
  });
  return `<Codes>\n${groups.join('\n')}\n</Codes>`;
}

/** `codebook.qdc`: the codebook alone (the codes in `scope`, default all), in the REFI-QDA codebook namespace. */
export async function exportCodebook(db: Database, options: QdcExportOptions = {}): Promise<string> {
  const codes = await codeRows(db, options.scope ?? DataScope.ALL);
  return `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Practice Graph">\n${codesXml(codes)}\n</CodeBook>\n`;
}

/** The Set of the made-up codes and sources (`REFI_SYNTHETIC_MARKS.set`); none when nothing is made up. */
function syntheticSetXml(codes: CodeRow[], sources: SourceRow[]): string {
  const members = [
    ...codes.filter((code) => code.synthetic).map((code) => `<MemberCode targetGUID="${guidOfId(code.id)}"/>`),
    ...sources.filter((source) => source.synthetic).map((source) => `<MemberSource targetGUID="${guidOfId(source.id)}"/>`),
  ];
  if (members.length === 0) return '';
  return `<Sets><Set guid="${guidOfName('set:synthetic')}" name="${xmlEscape(REFI_SYNTHETIC_MARKS.set)}"><Description>${xmlEscape(REFI_SYNTHETIC_MARKS.setDescription)}</Description>${members.join('')}</Set></Sets>`;
}

/** `project.qdpx` as bytes (a zip), and the `project.qde` inside it (tests validate it against the XSD). */
export async function exportProject(db: Database, options: QdpxExportOptions = {}): Promise<{ zip: Uint8Array; qde: string }> {
  const includeText = options.includeRestricted === true;
  const now = (options.now ?? new Date()).toISOString();
  const scope = options.scope ?? DataScope.ALL;
  const codeList = await codeRows(db, scope);
  // The tests of the scope (none for ALL), on variables bound below.
  const inScope = (...variables: string[]) => whereClause(scopePredicate(scope, variables));
  // A case's municipality is a variable value, not an element of the file: the WORKS_AT link that says it decides.
  const [row] = await db.read(
    `CALL () {
       MATCH (e:Employee) ${inScope('e')}
       OPTIONAL MATCH (e)-[w:WORKS_AT]->(m:Municipality) ${whereClause(elementInScope('w', scope))}
       WITH e, min(m.name) AS municipality
       CALL (e) {
         OPTIONAL MATCH (e)-[said:SAID]->(q:Quotation)-[quoted:QUOTED_FROM]->(s:Source) ${inScope('said', 'q', 'quoted', 's')}
         RETURN collect(DISTINCT q.id) AS quotations, collect(DISTINCT s.id) AS said
       }
       CALL (e) {
         OPTIONAL MATCH (e)-[interviewed:INTERVIEWED_IN]->(i:Source) ${inScope('interviewed', 'i')}
         RETURN collect(DISTINCT i.id) AS interviews
       }
       WITH e, municipality, quotations, said + interviews AS sources ORDER BY e.pseudonym, e.id
       RETURN collect({id: e.id, pseudonym: e.pseudonym, role: e.role, municipality: municipality,
                       sources: sources, quotations: quotations, synthetic: coalesce(e.synthetic, false)}) AS cases
     }
     CALL () {
       MATCH (s:Source) WHERE (s.kind = 'INTERVIEW' OR EXISTS { (s)<-[quoted:QUOTED_FROM]-(q:Quotation) ${inScope('quoted', 'q')} })
         ${andClause(scopePredicate(scope, ['s']))}
       CALL (s) {
         OPTIONAL MATCH (s)<-[quoted:QUOTED_FROM]-(q:Quotation) ${inScope('quoted', 'q')}
         OPTIONAL MATCH (q)-[coded:CODED_AS]->(c) ${inScope('coded', 'c')}
         WITH q, collect(c.id) AS codes ORDER BY q.startPosition, q.endPosition, q.id
         RETURN collect(CASE WHEN q IS NULL THEN null ELSE {id: q.id, name: q.name, start: q.startPosition, end: q.endPosition,
                                                           text: CASE WHEN $includeText THEN q.text END, codes: codes,
                                                           synthetic: coalesce(q.synthetic, false)} END) AS quotations
       }
       WITH s, quotations ORDER BY s.title, s.id
       RETURN collect({id: s.id, title: s.title, synthetic: coalesce(s.synthetic, false), quotations: quotations}) AS sources
     }
     RETURN cases, sources`,
    { includeText },
  );
  const cases = row!.cases as CaseRow[];
  const sources = (row!.sources as Array<Omit<SourceRow, 'quotations'> & { quotations: Array<QuotationRow & { start: unknown; end: unknown }> }>).map(
    (source): SourceRow => ({ ...source, quotations: source.quotations.map((q) => ({ ...q, start: Number(q.start), end: Number(q.end) })) }),
  );
  const exported = new Set(sources.map((source) => source.id));
  // A SelectionRef must name a selection of the file (an import refuses one that does not).
  const selections = new Set(sources.flatMap((source) => source.quotations.map((q) => q.id)));

  const files: Record<string, Uint8Array> = {};
  const municipalityVar = guidOfName(`variable:${VARIABLES.municipality}`);
  const roleVar = guidOfName(`variable:${VARIABLES.role}`);
  const syntheticVar = guidOfName(`variable:${REFI_SYNTHETIC_MARKS.variable}`);
  const textValue = (variable: string, value: string | null) =>
    value ? `<VariableValue><VariableRef targetGUID="${variable}"/><TextValue>${xmlEscape(value)}</TextValue></VariableValue>` : '';
  const casesXml = cases.map((c) => {
    const sourceRefs = [...new Set(c.sources)].filter((id) => exported.has(id)).map((id) => `<SourceRef targetGUID="${guidOfId(id)}"/>`);
    const selectionRefs = c.quotations.filter((id) => selections.has(id)).map((id) => `<SelectionRef targetGUID="${guidOfId(id)}"/>`);
    // On every case, true or false: a case without the value would read as "not said", not as real.
    const synthetic = `<VariableValue><VariableRef targetGUID="${syntheticVar}"/><BooleanValue>${c.synthetic}</BooleanValue></VariableValue>`;
    return `<Case guid="${guidOfId(c.id)}" name="${xmlEscape(c.pseudonym)}">${textValue(municipalityVar, c.municipality)}${textValue(roleVar, c.role)}${synthetic}${sourceRefs.join('')}${selectionRefs.join('')}</Case>`;
  });
  const sourcesXml = sources.map((source) => {
    const guid = guidOfId(source.id);
    let path = '';
    if (includeText && source.quotations.length > 0) {
      files[`sources/${guid}.txt`] = strToU8(plainText(source.quotations));
      path = ` plainTextPath="internal://${guid}.txt"`;
    }
    const selections = source.quotations.map((q) => {
      const description = q.synthetic ? `<Description>${REFI_SYNTHETIC_MARKS.prefix}</Description>` : '';
      const codings = q.codes
        .map((code) => `<Coding guid="${guidOfName(`coding:${q.id}|${code}`)}"><CodeRef targetGUID="${guidOfId(code)}"/></Coding>`)
        .join('');
      return `<PlainTextSelection guid="${guidOfId(q.id)}" name="${xmlEscape(q.name)}" startPosition="${q.start}" endPosition="${q.end}">${description}${codings}</PlainTextSelection>`;
    });
    return `<TextSource guid="${guid}" name="${xmlEscape(withMark(source.title, source.synthetic)!)}"${path}>${selections.join('\n')}</TextSource>`;
  });

  const user = guidOfName('user:practice-graph');
  const qde = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="urn:QDA-XML:project:1.0" name="Practice Graph" origin="Practice Graph" creatingUserGUID="${user}" creationDateTime="${now}">`,
    `<Users><User guid="${user}" name="Practice Graph"/></Users>`,
    `<CodeBook>${codesXml(codeList)}</CodeBook>`,
    `<Variables><Variable guid="${municipalityVar}" name="${VARIABLES.municipality}" typeOfVariable="Text"/><Variable guid="${roleVar}" name="${VARIABLES.role}" typeOfVariable="Text"/>` +
      `<Variable guid="${syntheticVar}" name="${REFI_SYNTHETIC_MARKS.variable}" typeOfVariable="Boolean"><Description>true: a made-up (illustrative) interviewee, not research data</Description></Variable></Variables>`,
    // The XSD wants at least one Case and one source inside their wrappers: empty wrappers are left out.
    casesXml.length > 0 ? `<Cases>\n${casesXml.join('\n')}\n</Cases>` : '',
    sourcesXml.length > 0 ? `<Sources>\n${sourcesXml.join('\n')}\n</Sources>` : '',
    // After Sources (the XSD's order: Notes and Links, which we do not write, would come between).
    syntheticSetXml(codeList, sources),
    '</Project>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
  files['project.qde'] = strToU8(qde);
  return { zip: zipSync(files), qde };
}

/**
 * A source's plain text rebuilt from its quotations: each at its positions (code points), spaces where
 * nothing was coded. Overlapping quotations agree on the part they share (both were cut from one text).
 */
function plainText(quotations: QuotationRow[]): string {
  const length = Math.max(0, ...quotations.map((q) => q.end));
  const points: string[] = new Array<string>(length).fill(' ');
  for (const q of quotations) {
    const chars = Array.from(q.text ?? '');
    for (let i = 0; i < chars.length && q.start + i < q.end; i++) points[q.start + i] = chars[i]!;
  }
  return points.join('');
}
