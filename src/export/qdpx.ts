import { strToU8, zipSync } from 'fflate';
import type { Database } from '../db/database.js';
import { guidOfId, guidOfName } from '../model/index.js';
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
 */

export interface QdpxExportOptions {
  /** Write quotation texts (and the source texts made of them). Editors and admins only; default false. */
  includeRestricted?: boolean;
  /** The project's timestamps; default now. */
  now?: Date;
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
}

interface QuotationRow {
  id: string;
  name: string;
  start: number;
  end: number;
  text: string | null;
  codes: string[];
}

interface SourceRow {
  id: string;
  title: string;
  quotations: QuotationRow[];
}

interface CaseRow {
  id: string;
  pseudonym: string;
  role: string | null;
  municipality: string | null;
  sources: string[];
  quotations: string[];
}

/** The codebook as XML elements (`<Codes>…</Codes>`), in one read. */
async function codesXml(db: Database): Promise<string> {
  const rows = (await db.read(
    `MATCH (n) WHERE n:Practice OR n:Dilemma OR n:Conclusion
     RETURN CASE WHEN n:Practice THEN 'Practice' WHEN n:Dilemma THEN 'Dilemma' ELSE 'Conclusion' END AS label,
            n.id AS id, coalesce(n.name, n.statement) AS name, n.description AS description
     ORDER BY label, name, id`,
  )) as unknown as CodeRow[];
  const groups = GROUPS.map(({ label, group, key }) => {
    const children = rows
      .filter((row) => row.label === label)
      .map((row) => {
        const description = row.description ? `<Description>${xmlEscape(row.description)}</Description>` : '';
        return `<Code guid="${guidOfId(row.id)}" name="${xmlEscape(row.name)}" isCodable="true">${description}</Code>`;
      });
    return `<Code guid="${guidOfName(`group:${key}`)}" name="${xmlEscape(group)}" isCodable="false">${children.join('\n')}</Code>`;
  });
  return `<Codes>\n${groups.join('\n')}\n</Codes>`;
}

/** `codebook.qdc`: the codebook alone, in the REFI-QDA codebook namespace. */
export async function exportCodebook(db: Database): Promise<string> {
  return `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Practice Graph">\n${await codesXml(db)}\n</CodeBook>\n`;
}

/** `project.qdpx` as bytes (a zip), and the `project.qde` inside it (tests validate it against the XSD). */
export async function exportProject(db: Database, options: QdpxExportOptions = {}): Promise<{ zip: Uint8Array; qde: string }> {
  const includeText = options.includeRestricted === true;
  const now = (options.now ?? new Date()).toISOString();
  const codes = await codesXml(db);
  const [row] = await db.read(
    `CALL () {
       MATCH (e:Employee)
       OPTIONAL MATCH (e)-[:WORKS_AT]->(m:Municipality)
       WITH e, min(m.name) AS municipality
       CALL (e) {
         OPTIONAL MATCH (e)-[:SAID]->(q:Quotation)-[:QUOTED_FROM]->(s:Source)
         RETURN collect(DISTINCT q.id) AS quotations, collect(DISTINCT s.id) AS said
       }
       CALL (e) {
         OPTIONAL MATCH (e)-[:INTERVIEWED_IN]->(i:Source)
         RETURN collect(DISTINCT i.id) AS interviews
       }
       WITH e, municipality, quotations, said + interviews AS sources ORDER BY e.pseudonym, e.id
       RETURN collect({id: e.id, pseudonym: e.pseudonym, role: e.role, municipality: municipality,
                       sources: sources, quotations: quotations}) AS cases
     }
     CALL () {
       MATCH (s:Source) WHERE s.kind = 'INTERVIEW' OR EXISTS { (s)<-[:QUOTED_FROM]-(:Quotation) }
       CALL (s) {
         OPTIONAL MATCH (s)<-[:QUOTED_FROM]-(q:Quotation)
         OPTIONAL MATCH (q)-[:CODED_AS]->(c)
         WITH q, collect(c.id) AS codes ORDER BY q.startPosition, q.endPosition, q.id
         RETURN collect(CASE WHEN q IS NULL THEN null ELSE {id: q.id, name: q.name, start: q.startPosition, end: q.endPosition,
                                                           text: CASE WHEN $includeText THEN q.text END, codes: codes} END) AS quotations
       }
       WITH s, quotations ORDER BY s.title, s.id
       RETURN collect({id: s.id, title: s.title, quotations: quotations}) AS sources
     }
     RETURN cases, sources`,
    { includeText },
  );
  const cases = row!.cases as CaseRow[];
  const sources = (row!.sources as Array<Omit<SourceRow, 'quotations'> & { quotations: Array<QuotationRow & { start: unknown; end: unknown }> }>).map(
    (source): SourceRow => ({ ...source, quotations: source.quotations.map((q) => ({ ...q, start: Number(q.start), end: Number(q.end) })) }),
  );
  const exported = new Set(sources.map((source) => source.id));

  const files: Record<string, Uint8Array> = {};
  const municipalityVar = guidOfName(`variable:${VARIABLES.municipality}`);
  const roleVar = guidOfName(`variable:${VARIABLES.role}`);
  const textValue = (variable: string, value: string | null) =>
    value ? `<VariableValue><VariableRef targetGUID="${variable}"/><TextValue>${xmlEscape(value)}</TextValue></VariableValue>` : '';
  const casesXml = cases.map((c) => {
    const sourceRefs = [...new Set(c.sources)].filter((id) => exported.has(id)).map((id) => `<SourceRef targetGUID="${guidOfId(id)}"/>`);
    const selectionRefs = c.quotations.map((id) => `<SelectionRef targetGUID="${guidOfId(id)}"/>`);
    return `<Case guid="${guidOfId(c.id)}" name="${xmlEscape(c.pseudonym)}">${textValue(municipalityVar, c.municipality)}${textValue(roleVar, c.role)}${sourceRefs.join('')}${selectionRefs.join('')}</Case>`;
  });
  const sourcesXml = sources.map((source) => {
    const guid = guidOfId(source.id);
    let path = '';
    if (includeText && source.quotations.length > 0) {
      files[`sources/${guid}.txt`] = strToU8(plainText(source.quotations));
      path = ` plainTextPath="internal://${guid}.txt"`;
    }
    const selections = source.quotations.map((q) => {
      const codings = q.codes
        .map((code) => `<Coding guid="${guidOfName(`coding:${q.id}|${code}`)}"><CodeRef targetGUID="${guidOfId(code)}"/></Coding>`)
        .join('');
      return `<PlainTextSelection guid="${guidOfId(q.id)}" name="${xmlEscape(q.name)}" startPosition="${q.start}" endPosition="${q.end}">${codings}</PlainTextSelection>`;
    });
    return `<TextSource guid="${guid}" name="${xmlEscape(source.title)}"${path}>${selections.join('\n')}</TextSource>`;
  });

  const user = guidOfName('user:practice-graph');
  const qde = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="urn:QDA-XML:project:1.0" name="Practice Graph" origin="Practice Graph" creatingUserGUID="${user}" creationDateTime="${now}">`,
    `<Users><User guid="${user}" name="Practice Graph"/></Users>`,
    `<CodeBook>${codes}</CodeBook>`,
    `<Variables><Variable guid="${municipalityVar}" name="${VARIABLES.municipality}" typeOfVariable="Text"/><Variable guid="${roleVar}" name="${VARIABLES.role}" typeOfVariable="Text"/></Variables>`,
    // The XSD wants at least one Case and one source inside their wrappers: empty wrappers are left out.
    casesXml.length > 0 ? `<Cases>\n${casesXml.join('\n')}\n</Cases>` : '',
    sourcesXml.length > 0 ? `<Sources>\n${sourcesXml.join('\n')}\n</Sources>` : '',
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
