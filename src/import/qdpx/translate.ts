import { SourceKind, slugify, type Label } from '../../model/index.js';
import type { Entry, GraphParts } from '../document.js';
import { nameKey, type QdpxMapping } from './mapping.js';
import type { RefiCode, RefiProject, RefiSelection, SourceProgress } from './read.js';

/** What the graph holds already that a project can attach to (looked up before translating). */
export interface KnownGraph {
  /** Ids among the candidates asked for that exist. */
  existing: ReadonlySet<string>;
  /** GUID (lower case) → id of an existing node whose export GUID it is (`guidOfId`): a re-imported export. */
  byGuid: ReadonlyMap<string, string>;
  /** `nameKey` of a municipality's name → its id. */
  municipalities: ReadonlyMap<string, string>;
}

export interface TranslateOptions {
  mapping: QdpxMapping;
  /** The project is made up: its sources are `synthetic`. */
  synthetic: boolean;
  /** Quotations (and the evidence they give) are readable by everyone; default restricted. */
  public: boolean;
}

/** Counts of what the project held and what became of it (the parts the graph does not take are only counted). */
export interface QdpxStats {
  codes: { practices: number; dilemmas: number; conclusions: number; attached: number; skipped: number };
  cases: number;
  sources: number;
  quotations: number;
  /** Selections coded with no mapped code (their text is not stored). */
  skippedSelections: number;
  /** Codings of a whole source rather than a selection. */
  skippedSourceCodings: number;
  /** Sources that are not text (pictures, PDF, audio, video), and text sources with nothing mapped. */
  skippedSources: number;
}

export type CodeKind = 'practice' | 'dilemma' | 'conclusion';
const KIND_LABEL: Record<CodeKind, Label> = { practice: 'Practice', dilemma: 'Dilemma', conclusion: 'Conclusion' };

/** Evidence on a `USES` relationship is a long text: at most this many characters of quotations. */
export const MAX_EVIDENCE = 10_000;

/** Which codes of the project are practices, dilemmas and conclusions (by GUID), per the mapping's groups. */
export function mappedCodes(project: RefiProject, mapping: QdpxMapping, report: (m: string) => void): Map<string, { kind: CodeKind; code: RefiCode }> {
  const groupKind = new Map<string, CodeKind>();
  for (const [kind, names] of [['practice', mapping.groups.practices], ['dilemma', mapping.groups.dilemmas], ['conclusion', mapping.groups.conclusions]] as const) {
    for (const name of names) groupKind.set(nameKey(name), kind);
  }
  const byGuid = new Map<string, RefiCode>();
  const walk = (codes: RefiCode[]) => {
    for (const code of codes) {
      byGuid.set(code.guid, code);
      walk(code.children);
    }
  };
  walk(project.codes);
  const mapped = new Map<string, { kind: CodeKind; code: RefiCode }>();
  const assign = (code: RefiCode, kind: CodeKind, via: string) => {
    const before = mapped.get(code.guid);
    if (before && before.kind !== kind) report(`Code "${code.path}" (guid ${code.guid}): in the ${before.kind} group and, via ${via}, in the ${kind} group; a code is one of them`);
    else mapped.set(code.guid, { kind, code });
  };
  // Groups as top-level codes (QualCoder, MAXQDA, NVivo folders): their children are the codes.
  for (const top of project.codes) {
    const kind = groupKind.get(nameKey(top.name));
    if (kind) for (const child of top.children) assign(child, kind, `code group "${top.name}"`);
  }
  // Groups as sets (ATLAS.ti writes its code groups so).
  for (const set of project.sets) {
    const kind = groupKind.get(nameKey(set.name));
    if (kind) for (const guid of set.codeGuids) assign(byGuid.get(guid)!, kind, `set "${set.name}"`);
  }
  return mapped;
}

/** The ids a translation may attach to, to look up before translating: code slugs and case ids. */
export function candidateIds(project: RefiProject, mapping: QdpxMapping): string[] {
  const ids = new Set<string>();
  for (const { kind, code } of mappedCodes(project, mapping, () => {}).values()) {
    const slug = slugify(code.name);
    if (slug) ids.add(`${kind}:${slug}`);
  }
  for (const refiCase of project.cases) ids.add(`employee:${refiCase.guid}`);
  for (const source of project.sources) ids.add(`source:${source.guid}`);
  return [...ids];
}

/**
 * Translates a REFI project into the parts of our document format (validated and written like any JSON
 * import, so the limits, text rules and transaction are shared). Problems that only the project's content
 * shows (a selection outside its text, an unknown municipality) are reported naming the element and GUID.
 *
 * - Codes: the children of the mapping's groups; a code whose slug is an existing node's id (or whose GUID
 *   is one our export gave a node) is that node: referenced, never rewritten. Others become new nodes.
 * - Cases: interviewees (`employee:<guid>`, pseudonym = the case name), with `WORKS_AT` and `role` from the
 *   variables; a case that is an existing node of ours (a re-imported export) is only referenced.
 * - Selections coded with at least one mapped code: quotations (`quotation:<guid>`), text cut from the
 *   source by code points; `QUOTED_FROM` their interview, `CODED_AS` their codes, `SAID` by the speaker (the
 *   case naming the selection, else the one case naming the source), and per practice `USES` with the
 *   quotations as evidence. Nothing else of a source's text is kept.
 */
export function translate(
  project: RefiProject,
  known: KnownGraph,
  options: TranslateOptions,
  report: (m: string) => void,
  onProgress?: SourceProgress,
): { parts: GraphParts; stats: QdpxStats } {
  const { mapping } = options;
  const restricted = !options.public;
  const nodes: Entry[] = [];
  const relationships: Entry[] = [];
  const stats: QdpxStats = {
    codes: { practices: 0, dilemmas: 0, conclusions: 0, attached: 0, skipped: 0 },
    cases: 0, sources: 0, quotations: 0, skippedSelections: 0, skippedSourceCodings: 0, skippedSources: project.otherSources,
  };
  const known_ = (guid: string, label: Label): string | undefined => {
    const id = known.byGuid.get(guid);
    return id && id.startsWith(`${label.toLowerCase()}:`) ? id : undefined;
  };

  // The project itself is the document's source: every node written gets SOURCED_FROM it.
  const projectSlug = slugify(project.name) || 'project';
  const documentSource = {
    id: `source:refi-qda-${projectSlug}`.slice(0, 200).replace(/-+$/, ''),
    title: project.kind === 'codebook' ? `${project.name} (REFI-QDA codebook)` : `${project.name} (REFI-QDA project)`,
    kind: SourceKind.DOCUMENT,
    locator: `REFI-QDA ${project.kind} "${project.name}"${project.origin ? `, written by ${project.origin}` : ''}`,
    synthetic: options.synthetic,
  };

  // Codes.
  const codeIds = new Map<string, string>();
  const created = new Set<string>();
  const mapped = mappedCodes(project, mapping, report);
  let allCodes = 0;
  const count = (codes: RefiCode[]) => codes.forEach((code) => { allCodes++; count(code.children); });
  count(project.codes);
  for (const [guid, { kind, code }] of mapped) {
    stats.codes[`${kind}s`]++;
    const label = KIND_LABEL[kind];
    const slug = slugify(code.name);
    const id = known_(guid, label) ?? (slug ? `${kind}:${slug}` : undefined);
    if (!id) {
      report(`Code "${code.path}" (guid ${guid}): its name gives no id (no letters or digits)`);
      continue;
    }
    codeIds.set(guid, id);
    if (known.existing.has(id) || known.byGuid.get(guid) === id) {
      stats.codes.attached++;
      continue;
    }
    if (created.has(id)) continue;
    created.add(id);
    const at = `Code "${code.path}" (guid ${guid})`;
    const description = code.description ?? undefined;
    if (kind === 'practice') nodes.push({ at, value: { type: label, id, name: code.name, description, kind: mapping.practiceKind ?? undefined, sourceLocator: `Code ${guid}` } });
    else if (kind === 'dilemma') nodes.push({ at, value: { type: label, id, name: code.name, description, sourceLocator: `Code ${guid}` } });
    else nodes.push({ at, value: { type: label, id, statement: code.name, sourceLocator: `Code ${guid}` } });
  }
  // Group codes themselves are not counted as skipped: they are the mapping.
  const groupCodes = project.codes.filter((top) => top.children.some((child) => mapped.has(child.guid))).length;
  stats.codes.skipped = allCodes - mapped.size - groupCodes;

  const sourceIdOfGuid = (guid: string) => known_(guid, 'Source') ?? `source:${guid}`;

  // Cases → employees.
  const textSources = new Map(project.sources.map((source) => [source.guid, source]));
  const employeeOf = new Map<string, { id: string; pseudonym: string; ours: boolean }>();
  const speakerOfSelection = new Map<string, string>();
  const casesOfSource = new Map<string, string[]>();
  const usedSources = new Set<string>();
  if (mapping.cases === 'employee') {
    const variableName = new Map(project.variables.map((variable) => [variable.guid, nameKey(variable.name)]));
    const municipalityKeys = new Set(mapping.variables.municipality.map(nameKey));
    const roleKeys = new Set(mapping.variables.role.map(nameKey));
    for (const refiCase of project.cases) {
      const at = `Project/Cases/Case "${refiCase.name ?? ''}" (guid ${refiCase.guid})`;
      if (!refiCase.name || !refiCase.name.trim()) {
        report(`${at}: a case needs a name (the interviewee's pseudonym)`);
        continue;
      }
      stats.cases++;
      const existing = known_(refiCase.guid, 'Employee');
      const id = existing ?? `employee:${refiCase.guid}`;
      employeeOf.set(refiCase.guid, { id, pseudonym: refiCase.name, ours: !existing });
      for (const selection of refiCase.selectionGuids) speakerOfSelection.set(selection, refiCase.guid);
      for (const source of refiCase.sourceGuids) {
        casesOfSource.set(source, [...(casesOfSource.get(source) ?? []), refiCase.guid]);
        if (textSources.has(source)) {
          usedSources.add(source);
          relationships.push({ at, value: { from: id, type: 'INTERVIEWED_IN', to: sourceIdOfGuid(source) } });
        }
      }
      if (existing) continue;
      let role: string | undefined;
      let municipality: string | undefined;
      for (const [variable, value] of refiCase.values) {
        const key = variableName.get(variable)!;
        if (value === null) continue;
        if (roleKeys.has(key)) role = value.trim();
        if (municipalityKeys.has(key)) {
          municipality = known.municipalities.get(nameKey(value));
          if (!municipality) report(`${at}: unknown municipality "${value}" (variable ${project.variables.find((v) => v.guid === variable)?.name}); known: ${[...known.municipalities.keys()].join(', ')}`);
        }
      }
      nodes.push({ at, value: { type: 'Employee', id, pseudonym: refiCase.name.trim(), role, sourceLocator: `Case ${refiCase.guid}` } });
      if (municipality) relationships.push({ at, value: { from: id, type: 'WORKS_AT', to: municipality } });
    }
  }

  // Selections → quotations.
  const evidence = new Map<string, { from: string; to: string; texts: string[]; sourceId: string }>();
  for (const [i, source] of project.sources.entries()) {
    onProgress?.(i, project.sources.length);
    stats.skippedSourceCodings += source.wholeSourceCodings;
    const coded = source.selections.filter((selection) => selection.codeGuids.some((guid) => codeIds.has(guid)));
    stats.skippedSelections += source.selections.length - coded.length;
    if (coded.length > 0) usedSources.add(source.guid);
    if (!usedSources.has(source.guid)) {
      stats.skippedSources++;
      continue;
    }
    const sourceId = sourceIdOfGuid(source.guid);
    stats.sources++;
    const sourceAt = `Project/Sources/TextSource "${source.name ?? ''}" (guid ${source.guid})`;
    if (!known_(source.guid, 'Source')) {
      nodes.push({
        at: sourceAt,
        value: {
          type: 'Source', id: sourceId, title: source.name ?? `Interview ${source.guid}`, kind: SourceKind.INTERVIEW,
          locator: `TextSource ${source.guid} in REFI-QDA project "${project.name}"`, synthetic: options.synthetic,
        },
      });
    }
    if (coded.length === 0) continue;
    const sourceText = source.text();
    if (sourceText === null) {
      report(`${sourceAt}: its selections are coded but it has no text (neither PlainTextContent nor plainTextPath)`);
      continue;
    }
    // Positions count code points; JS strings are UTF-16, so cut from the code point array. The quotations
    // are new strings (joined), not slices that would keep the whole text in memory.
    const points = Array.from(sourceText);
    const sourceCases = casesOfSource.get(source.guid) ?? [];
    for (const selection of coded) {
      const at = `${sourceAt}/PlainTextSelection (guid ${selection.guid})`;
      if (selection.end > points.length) {
        report(`${at}: positions ${selection.start}–${selection.end} are outside the text (${points.length} characters)`);
        continue;
      }
      stats.quotations++;
      const text = points.slice(selection.start, selection.end).join('');
      const speakerCase = speakerOfSelection.get(selection.guid) ?? (sourceCases.length === 1 ? sourceCases[0] : undefined);
      const speaker = speakerCase ? employeeOf.get(speakerCase) : undefined;
      const id = `quotation:${selection.guid}`;
      nodes.push({
        at,
        value: {
          type: 'Quotation', id, name: quotationName(speaker?.pseudonym ?? source.name ?? 'Interview', selection),
          text, startPosition: selection.start, endPosition: selection.end, restricted, sourceLocator: `PlainTextSelection ${selection.guid}`,
        },
      });
      relationships.push({ at, value: { from: id, type: 'QUOTED_FROM', to: sourceId, sourceId } });
      if (speaker) relationships.push({ at, value: { from: speaker.id, type: 'SAID', to: id, sourceId } });
      for (const codeId of new Set(selection.codeGuids.map((guid) => codeIds.get(guid)).filter((x): x is string => x !== undefined))) {
        relationships.push({ at, value: { from: id, type: 'CODED_AS', to: codeId, sourceId } });
        // Evidence of use only for interviewees of this project: a re-imported export never rewrites the
        // evidence (and its source) of what the graph already held.
        if (codeId.startsWith('practice:') && speaker?.ours) {
          const key = `${speaker.id}|${codeId}`;
          const entry = evidence.get(key) ?? { from: speaker.id, to: codeId, texts: [], sourceId };
          entry.texts.push(text);
          evidence.set(key, entry);
        }
      }
    }
  }
  onProgress?.(project.sources.length, project.sources.length);
  for (const entry of evidence.values()) {
    relationships.push({
      at: `USES ${entry.from} -> ${entry.to}`,
      value: { from: entry.from, type: 'USES', to: entry.to, properties: { evidence: evidenceText(entry.texts), restricted }, sourceId: entry.sourceId },
    });
  }
  return { parts: { source: { at: 'project', value: documentSource }, nodes, relationships }, stats };
}

/** The display name of a quotation: who and where, never its words (they may be restricted). */
function quotationName(who: string, selection: RefiSelection): string {
  return `${who.trim()}, ${selection.start}–${selection.end}`;
}

/** Quotations joined as evidence, whole ones only, up to `MAX_EVIDENCE` characters. */
function evidenceText(texts: string[]): string {
  let out = '';
  for (const text of texts) {
    const next = out ? `${out}\n\n${text}` : text;
    if (Array.from(next).length > MAX_EVIDENCE - 2) return out ? `${out}\n…` : `${Array.from(text).slice(0, MAX_EVIDENCE - 2).join('')}…`;
    out = next;
  }
  return out;
}
