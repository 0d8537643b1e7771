import { REFI_SYNTHETIC_MARKS, SourceKind, slugify, withoutMark, type Label } from '../../model/index.js';
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
  /** The whole project is made up: its sources are `synthetic` (without it, only what the project marks so: `madeUpMarks`). */
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

/** The GUIDs of the codes, cases, sources and selections a project marks as made up (`REFI_SYNTHETIC_MARKS`, src/model/refi-marks.ts). */
export interface MadeUpMarks {
  codes: ReadonlySet<string>;
  cases: ReadonlySet<string>;
  sources: ReadonlySet<string>;
  /** Selections whose Description carries the prefix (those of a made-up source are made up with it anyway). */
  selections: ReadonlySet<string>;
}

/** What the project marks as made up; all empty for a project our export did not write (or with nothing made up). */
export function madeUpMarks(project: RefiProject): MadeUpMarks {
  const codes = new Set<string>();
  const walk = (list: RefiCode[]) => {
    for (const code of list) {
      if (withoutMark(code.description).marked) codes.add(code.guid);
      walk(code.children);
    }
  };
  walk(project.codes);
  const sources = new Set(
    project.sources.filter((source) => withoutMark(source.name).marked || withoutMark(source.description).marked).map((source) => source.guid),
  );
  for (const set of project.sets) {
    if (nameKey(set.name) !== nameKey(REFI_SYNTHETIC_MARKS.set)) continue;
    set.codeGuids.forEach((guid) => codes.add(guid));
    // Its member sources are made up whatever their names say (a tool may have renamed them).
    set.sourceGuids.forEach((guid) => sources.add(guid));
  }
  const variables = new Set(project.variables.filter((v) => nameKey(v.name) === nameKey(REFI_SYNTHETIC_MARKS.variable)).map((v) => v.guid));
  const cases = new Set(
    project.cases
      .filter((refiCase) => [...refiCase.values].some(([variable, value]) => variables.has(variable) && /^\s*(true|1)\s*$/i.test(value ?? '')))
      .map((refiCase) => refiCase.guid),
  );
  const selections = new Set(project.sources.flatMap((source) => source.selections.filter((selection) => withoutMark(selection.description).marked).map((selection) => selection.guid)));
  return { codes, cases, sources, selections };
}

const hasMarks = (marks: MadeUpMarks) => marks.codes.size + marks.cases.size + marks.sources.size + marks.selections.size > 0;

/**
 * The ids a translation may attach to, to look up before translating: code slugs, case and source ids, and,
 * for a project with made-up marks, the ids of its quotations (whether they are new decides whether its
 * made-up and real nodes can share one document source: `madeUpDocument`; other projects skip that lookup).
 */
export function candidateIds(project: RefiProject, mapping: QdpxMapping): string[] {
  const ids = new Set<string>();
  const mapped = mappedCodes(project, mapping, () => {});
  for (const { kind, code } of mapped.values()) {
    const slug = slugify(code.name);
    if (slug) ids.add(`${kind}:${slug}`);
  }
  for (const refiCase of project.cases) ids.add(`employee:${refiCase.guid}`);
  for (const source of project.sources) ids.add(`source:${source.guid}`);
  if (hasMarks(madeUpMarks(project))) {
    for (const source of project.sources) {
      for (const selection of source.selections) if (selection.codeGuids.some((guid) => mapped.has(guid))) ids.add(`quotation:${selection.guid}`);
    }
  }
  return [...ids];
}

/** A node a translation writes: whether the project marks it made up, and whether the graph lacks it. */
interface WrittenNode {
  at: string;
  madeUp: boolean;
  isNew: boolean;
}

/**
 * Whether the document source of a project without `--synthetic` is made up. Every node one import writes gets
 * SOURCED_FROM that one source, and a node is synthetic when all its sources are (db/synthetic.ts). So it is
 * made up when a node new to the graph is marked made up, real when a new one is not; a project with both is
 * reported (nothing is written) rather than either taking the other's flag. A node the graph has already keeps
 * the sources it had: a real one stays real beside a made-up source, and a made-up quotation is not rewritten
 * under a real one (`translate` leaves it out).
 */
function madeUpDocument(written: WrittenNode[], report: (m: string) => void): boolean {
  const madeUp = written.find((node) => node.madeUp && node.isNew);
  if (!madeUp) return false;
  const real = written.find((node) => !node.madeUp && node.isNew);
  if (real) {
    report(
      `${madeUp.at} is marked as made-up data (synthetic) and ${real.at} is real, and both are new to the graph: the nodes of one ` +
        'import share its source, so they cannot keep both flags. Import the made-up and the real part as separate projects, or the ' +
        'whole file with --synthetic if all of it is made up',
    );
  }
  return true;
}

/**
 * The project's own Source, which every node written gets SOURCED_FROM. Made up with `--synthetic` (`option`),
 * or because it writes marked nodes (`marked`): then under an id of its own (`…-synthetic`), so that importing
 * the same project once with and once without made-up nodes never flips the other's flag (a Source whose own
 * flag changes recomputes all it is the source of).
 */
function documentSource(project: RefiProject, madeUp: 'real' | 'option' | 'marked') {
  const projectSlug = slugify(project.name) || 'project';
  const base = `source:refi-qda-${projectSlug}`.slice(0, 190).replace(/-+$/, '');
  const what = project.kind === 'codebook' ? 'REFI-QDA codebook' : 'REFI-QDA project';
  const locator = `REFI-QDA ${project.kind} "${project.name}"${project.origin ? `, written by ${project.origin}` : ''}`;
  if (madeUp === 'marked') {
    return { id: `${base}-synthetic`, title: `${project.name} (${what}, made-up data)`, kind: SourceKind.DOCUMENT, locator: `${locator}: the items it marks as made-up data`, synthetic: true };
  }
  return { id: `source:refi-qda-${projectSlug}`.slice(0, 200).replace(/-+$/, ''), title: `${project.name} (${what})`, kind: SourceKind.DOCUMENT, locator, synthetic: madeUp === 'option' };
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
 * - Made-up data: with `synthetic` all of it. Otherwise what our export marked (`madeUpMarks`): a marked
 *   source (by name, Description or the Set) is a synthetic Source (and the relationships it is the source of
 *   follow it); a new marked code or case, or a new quotation of a marked source or with a marked Description,
 *   makes the document source made up (`madeUpDocument`). The links of a quotation marked in a real source
 *   come from the document source too, so they are made up with it.
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

  // Made-up marks (our export's), and the nodes written with whether they are marked: they decide whether
  // the project's own source, which every node written gets SOURCED_FROM, is made up (at the end).
  const marks = madeUpMarks(project);
  const written: WrittenNode[] = [];
  // Made-up quotations the graph has (and the links of those that take the project's source): not rewritten
  // when the project's source is real (they would turn real).
  const knownMadeUp = new Set<Entry>();

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
    written.push({ at, madeUp: marks.codes.has(guid), isNew: true });
    const description = withoutMark(code.description).text ?? undefined;
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
          // Sourced from the interview itself (made up or real as it is), not from the project's source: a
          // re-import whose project source is made up must not make a real interview's link made up.
          relationships.push({ at, value: { from: id, type: 'INTERVIEWED_IN', to: sourceIdOfGuid(source), sourceId: sourceIdOfGuid(source) } });
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
      written.push({ at, madeUp: marks.cases.has(refiCase.guid), isNew: true });
      nodes.push({ at, value: { type: 'Employee', id, pseudonym: refiCase.name.trim(), role, sourceLocator: `Case ${refiCase.guid}` } });
      if (municipality) relationships.push({ at, value: { from: id, type: 'WORKS_AT', to: municipality } });
    }
  }

  // Selections → quotations.
  const evidence = new Map<string, { from: string; to: string; texts: string[]; sourceId: string | undefined; markedAlone: boolean }>();
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
    const madeUpSource = marks.sources.has(source.guid);
    const sourceName = withoutMark(source.name).text;
    if (!known_(source.guid, 'Source')) {
      nodes.push({
        at: sourceAt,
        value: {
          type: 'Source', id: sourceId, title: sourceName ?? `Interview ${source.guid}`, kind: SourceKind.INTERVIEW,
          locator: `TextSource ${source.guid} in REFI-QDA project "${project.name}"`, synthetic: options.synthetic || madeUpSource,
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
      // Made up with its source, or alone by its Description's mark (a made-up quotation of a real interview).
      const markedAlone = !madeUpSource && marks.selections.has(selection.guid);
      const isNew = !known.existing.has(id);
      written.push({ at, madeUp: madeUpSource || markedAlone, isNew });
      const entry: Entry = {
        at,
        value: {
          type: 'Quotation', id, name: quotationName(speaker?.pseudonym ?? sourceName ?? 'Interview', selection),
          text, startPosition: selection.start, endPosition: selection.end, restricted, sourceLocator: `PlainTextSelection ${selection.guid}`,
        },
      };
      nodes.push(entry);
      if ((madeUpSource || markedAlone) && !isNew) knownMadeUp.add(entry);
      // Its links come from its interview, made up or real as that is; those of a quotation marked alone from the
      // project's source (no sourceId), made up when this import writes it: a real interview never makes them real.
      const linkSource = markedAlone ? undefined : sourceId;
      const links: Entry[] = [{ at, value: { from: id, type: 'QUOTED_FROM', to: sourceId, sourceId: linkSource } }];
      if (speaker) links.push({ at, value: { from: speaker.id, type: 'SAID', to: id, sourceId: linkSource } });
      for (const codeId of new Set(selection.codeGuids.map((guid) => codeIds.get(guid)).filter((x): x is string => x !== undefined))) {
        links.push({ at, value: { from: id, type: 'CODED_AS', to: codeId, sourceId: linkSource } });
        // Evidence of use only for interviewees of this project: a re-imported export never rewrites the
        // evidence (and its source) of what the graph already held. One USES per interviewee and practice, so
        // made-up and real quotations never share one: real ones win.
        if (codeId.startsWith('practice:') && speaker?.ours) {
          const key = `${speaker.id}|${codeId}`;
          const before = evidence.get(key);
          if (!before || (before.markedAlone && !markedAlone)) evidence.set(key, { from: speaker.id, to: codeId, texts: [text], sourceId: linkSource, markedAlone });
          else if (before.markedAlone === markedAlone) before.texts.push(text);
        }
      }
      relationships.push(...links);
      if (markedAlone && !isNew) links.forEach((link) => knownMadeUp.add(link));
    }
  }
  onProgress?.(project.sources.length, project.sources.length);
  for (const entry of evidence.values()) {
    relationships.push({
      at: `USES ${entry.from} -> ${entry.to}`,
      value: { from: entry.from, type: 'USES', to: entry.to, properties: { evidence: evidenceText(entry.texts), restricted }, sourceId: entry.sourceId },
    });
  }
  const madeUp = options.synthetic ? 'option' : madeUpDocument(written, report) ? 'marked' : 'real';
  const keep = (entries: Entry[]) => (madeUp === 'real' && knownMadeUp.size > 0 ? entries.filter((entry) => !knownMadeUp.has(entry)) : entries);
  return { parts: { source: { at: 'project', value: documentSource(project, madeUp) }, nodes: keep(nodes), relationships: keep(relationships) }, stats };
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
