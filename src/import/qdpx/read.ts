import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { decodeUtf8 } from '../../model/text-rules.js';
import { GUID_PATTERN, normalGuid } from '../../model/index.js';

/** Namespace of `project.qde` (a `.qdpx`'s project) and of a `.qdc` codebook. */
export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

/** Largest `.qdpx`/`.qdc` read (compressed), and most bytes its entries may unpack to (a zip bomb stops here). */
export const MAX_QDPX_BYTES = 200 * 1024 * 1024;
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

/** A REFI code with its children; `path` names it in messages (`Werkpraktijken/Vertrouwen`). */
export interface RefiCode {
  guid: string;
  name: string;
  description: string | null;
  children: RefiCode[];
  path: string;
}

/** A `Set` (ATLAS.ti writes code groups as sets) with the GUIDs of its member codes and sources. */
export interface RefiSet {
  guid: string;
  name: string;
  codeGuids: string[];
  /** `MemberSource`s: GUIDs of sources of the file (text or not). */
  sourceGuids: string[];
}

export interface RefiVariable {
  guid: string;
  name: string;
}

export interface RefiCase {
  guid: string;
  name: string | null;
  /** Variable GUID → its value as text (null when the value is empty). */
  values: Map<string, string | null>;
  sourceGuids: string[];
  selectionGuids: string[];
}

export interface RefiSelection {
  guid: string;
  start: number;
  end: number;
  codeGuids: string[];
  /** Its `Description` (null when absent or empty). */
  description: string | null;
}

export interface RefiSource {
  guid: string;
  name: string | null;
  /** Its `Description` (null when absent or empty). */
  description: string | null;
  /**
   * The plain text (from `PlainTextContent` or the `sources/` file); null when the project gives none. A
   * file is unpacked and decoded on each call (it was checked to be UTF-8 when read): a large project's
   * texts (1,000 interviews are 50 million characters, 100 MB as strings) are never all in memory at once.
   */
  text: () => string | null;
  selections: RefiSelection[];
  /** Codings of the whole source (not of a selection): not quotations, counted only. */
  wholeSourceCodings: number;
}

/** What a `.qdpx` or `.qdc` holds, GUIDs normalised (lower case, no braces), checked for structure. */
export interface RefiProject {
  kind: 'project' | 'codebook';
  name: string;
  origin: string | null;
  codes: RefiCode[];
  sets: RefiSet[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiSource[];
  /** Sources other than text (pictures, PDF, audio, video): not imported, counted. */
  otherSources: number;
}

/** The file cannot be read as REFI-QDA; `errors` name the element and GUID at fault. */
export class RefiFormatError extends Error {
  override name = 'RefiFormatError';
  constructor(readonly errors: string[]) {
    super(errors.join('\n'));
  }
}

// Elements that may repeat: always parsed as arrays, so one and many read alike.
const REPEATED = new Set([
  'Code', 'Case', 'Variable', 'VariableValue', 'SourceRef', 'SelectionRef', 'CodeRef', 'TextSource', 'PictureSource',
  'PDFSource', 'AudioSource', 'VideoSource', 'PlainTextSelection', 'Coding', 'Set', 'MemberCode', 'MemberSource', 'User',
]);

/** Text sources read (or translated) so far, of all. */
export type SourceProgress = (done: number, total: number) => void;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Text exactly as written: positions count its code points, so nothing may be trimmed or converted.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Decodes numeric character references (`&#10;`) as well as the XML ones.
  htmlEntities: true,
  isArray: (name) => REPEATED.has(name),
});

type XmlNode = Record<string, unknown>;

const MAX_LISTED = 200;

/**
 * Reads a `.qdpx` (zip with `project.qde` and `sources/`) or, when `bytes` is not a zip, a `.qdc` codebook
 * (XML). Checks what the importer relies on of the XSD's structure: the root element and namespace,
 * required GUIDs (in the XSD's pattern) and names, integer positions with start ≤ end, every `CodeRef`,
 * `SourceRef`, `SelectionRef` and `VariableRef` pointing at an element of the file. Throws
 * `RefiFormatError` listing each problem with the element and GUID at fault.
 */
export function readRefi(bytes: Uint8Array, expect: 'qdpx' | 'qdc' | 'any' = 'any', onProgress?: SourceProgress): RefiProject {
  if (bytes.length > MAX_QDPX_BYTES) throw new RefiFormatError([`file: ${bytes.length.toLocaleString('en')} bytes; at most ${MAX_QDPX_BYTES.toLocaleString('en')} are read`]);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (expect === 'qdpx' && !isZip) throw new RefiFormatError(['file: not a zip archive; a .qdpx is a zip holding project.qde and sources/']);
  if (!isZip) {
    if (expect === 'any' && !looksLikeXml(bytes)) throw new RefiFormatError(['file: neither a zip archive (.qdpx) nor XML (.qdc)']);
    return readXml(bytes, 'codebook', NO_FILES, onProgress);
  }
  // Only project.qde is unpacked here; each source file when its text is read (`ArchiveFiles`).
  let entries: Record<string, Uint8Array>;
  let unpacked = 0;
  const sourceFiles = new Set<string>();
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        unpacked += file.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) throw new RefiFormatError([`file: unpacks to more than ${MAX_UNPACKED_BYTES.toLocaleString('en')} bytes`]);
        if (file.name.startsWith('sources/')) sourceFiles.add(file.name);
        return file.name === 'project.qde';
      },
    });
  } catch (error) {
    if (error instanceof RefiFormatError) throw error;
    throw new RefiFormatError([`file: not a readable zip archive (${(error as Error).message})`]);
  }
  const qde = entries['project.qde'];
  if (!qde) throw new RefiFormatError(['file: no project.qde at the root of the archive; a .qdpx holds project.qde and sources/']);
  return readXml(qde, 'project', archiveFiles(bytes, sourceFiles), onProgress);
}

/** The `sources/` files of an archive, each unpacked when read. */
interface ArchiveFiles {
  has(name: string): boolean;
  read(name: string): Uint8Array;
}

const NO_FILES: ArchiveFiles = {
  has: () => false,
  read: (name) => {
    throw new Error(`no ${name}`);
  },
};

/**
 * The `sources/` files of an archive. `read` throws `RefiFormatError` naming the entry when it cannot be
 * unpacked: a compression other than stored or deflate (bzip2, LZMA, AES encryption), or corrupt data.
 */
function archiveFiles(bytes: Uint8Array, names: ReadonlySet<string>): ArchiveFiles {
  return {
    has: (name) => names.has(name),
    read: (name) => {
      let file: Uint8Array | undefined;
      try {
        file = unzipSync(bytes, { filter: (entry) => entry.name === name })[name];
      } catch (error) {
        throw new RefiFormatError([`${name}: cannot be unpacked (${(error as Error).message}); store or deflate the archive's files, without encryption`]);
      }
      if (!file) throw new RefiFormatError([`${name}: not in the archive`]);
      return file;
    },
  };
}

function looksLikeXml(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('<');
}

function readXml(bytes: Uint8Array, kind: RefiProject['kind'], files: ArchiveFiles, onProgress?: SourceProgress): RefiProject {
  const file = kind === 'project' ? 'project.qde' : 'codebook';
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new RefiFormatError([`${file}: ${decoded.problem}`]);
  const valid = XMLValidator.validate(decoded.text);
  if (valid !== true) throw new RefiFormatError([`${file}: not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`]);
  const doc = parsed(decoded.text, file);
  const errors: string[] = [];
  const report = (message: string) => {
    if (errors.length < MAX_LISTED) errors.push(message);
  };

  const rootName = kind === 'project' ? 'Project' : 'CodeBook';
  const namespace = kind === 'project' ? PROJECT_NS : CODEBOOK_NS;
  const root = doc[rootName];
  if (!isNode(root)) {
    const found = Object.keys(doc).filter((key) => !key.startsWith('?'));
    throw new RefiFormatError([`${file}: the root element must be <${rootName} xmlns="${namespace}">, found <${found[0] ?? 'nothing'}>`]);
  }
  if (root['@xmlns'] !== namespace) report(`${file}: <${rootName}> must be in namespace ${namespace} (found ${JSON.stringify(root['@xmlns'] ?? null)})`);

  const codes: RefiCode[] = [];
  const codeGuids = new Set<string>();
  const codeBook = kind === 'project' ? root.CodeBook : root;
  const readCodes = (list: unknown, parent: string, into: RefiCode[]) => {
    for (const [i, node] of nodes(list).entries()) {
      const at = `${parent}/Code[${i + 1}]`;
      const guid = guidOf(node, at, report);
      const name = requiredText(node, '@name', at, guid, report);
      if (node['@isCodable'] !== 'true' && node['@isCodable'] !== 'false' && node['@isCodable'] !== '1' && node['@isCodable'] !== '0') {
        report(`${where(at, guid)}: isCodable is required and must be true or false`);
      }
      if (guid && codeGuids.has(guid)) report(`${where(at, guid)}: duplicate guid`);
      if (guid) codeGuids.add(guid);
      const code: RefiCode = { guid: guid ?? '', name: name ?? '', description: text(node.Description), children: [], path: name ?? at };
      readCodes(node.Code, at, code.children);
      into.push(code);
    }
  };
  if (codeBook !== undefined) {
    if (!isNode(codeBook) || !isNode(codeBook.Codes)) report(`${file}: <CodeBook> must hold <Codes>`);
    else readCodes(codeBook.Codes.Code, `${rootName === 'CodeBook' ? '' : 'Project/'}CodeBook/Codes`, codes);
  }
  setPaths(codes, '');

  const variables: RefiVariable[] = [];
  for (const [i, node] of nodes(isNode(root.Variables) ? root.Variables.Variable : undefined).entries()) {
    const at = `Project/Variables/Variable[${i + 1}]`;
    const guid = guidOf(node, at, report);
    const name = requiredText(node, '@name', at, guid, report);
    if (guid) variables.push({ guid, name: name ?? '' });
  }
  const variableGuids = new Set(variables.map((v) => v.guid));

  const sources: RefiSource[] = [];
  const sourceGuids = new Set<string>();
  const selectionGuids = new Set<string>();
  let otherSources = 0;
  const sourcesNode = isNode(root.Sources) ? root.Sources : undefined;
  const textSources = nodes(sourcesNode?.TextSource);
  for (const [i, node] of textSources.entries()) {
    onProgress?.(i, textSources.length);
    const at = `Project/Sources/TextSource[${i + 1}]`;
    const guid = guidOf(node, at, report);
    if (guid) sourceGuids.add(guid);
    const source: RefiSource = {
      guid: guid ?? '',
      name: text(node['@name']),
      description: text(node.Description),
      text: sourceText(node, at, guid, files, report),
      selections: [],
      wholeSourceCodings: nodes(node.Coding).length,
    };
    for (const [j, selection] of nodes(node.PlainTextSelection).entries()) {
      const selAt = `${at}/PlainTextSelection[${j + 1}]`;
      const selGuid = guidOf(selection, selAt, report);
      const start = integer(selection['@startPosition'], 'startPosition', selAt, selGuid, report);
      const end = integer(selection['@endPosition'], 'endPosition', selAt, selGuid, report);
      if (start !== undefined && end !== undefined && start > end) report(`${where(selAt, selGuid)}: startPosition ${start} is after endPosition ${end}`);
      if (selGuid && selectionGuids.has(selGuid)) report(`${where(selAt, selGuid)}: duplicate guid`);
      if (selGuid) selectionGuids.add(selGuid);
      const coded: string[] = [];
      for (const [k, coding] of nodes(selection.Coding).entries()) {
        const codingAt = `${selAt}/Coding[${k + 1}]`;
        guidOf(coding, codingAt, report);
        const [target] = refs(coding.CodeRef, `${codingAt}/CodeRef`, report);
        if (target === undefined) report(`${codingAt}: a Coding needs one CodeRef`);
        else if (!codeGuids.has(target)) report(`${codingAt}/CodeRef (targetGUID ${target}): no Code with this GUID in the codebook`);
        else coded.push(target);
      }
      if (selGuid && start !== undefined && end !== undefined) source.selections.push({ guid: selGuid, start, end, codeGuids: coded, description: text(selection.Description) });
    }
    sources.push(source);
  }
  onProgress?.(textSources.length, textSources.length);
  for (const other of ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource']) {
    for (const node of nodes(sourcesNode?.[other])) {
      otherSources++;
      const guid = typeof node['@guid'] === 'string' && GUID_PATTERN.test(node['@guid']) ? normalGuid(node['@guid']) : undefined;
      if (guid) sourceGuids.add(guid);
    }
  }

  // After the sources: a set's members may be codes and sources.
  const sets: RefiSet[] = [];
  const setsNode = isNode(root.Sets) ? root.Sets : isNode(codeBook) && isNode(codeBook.Sets) ? codeBook.Sets : undefined;
  for (const [i, node] of nodes(setsNode?.Set).entries()) {
    const at = `Sets/Set[${i + 1}]`;
    const guid = guidOf(node, at, report);
    const name = requiredText(node, '@name', at, guid, report);
    const members = refs(node.MemberCode, `${at}/MemberCode`, report).filter((member) => {
      if (codeGuids.has(member)) return true;
      report(`${at}/MemberCode (targetGUID ${member}): no Code with this GUID`);
      return false;
    });
    const memberSources = refs(node.MemberSource, `${at}/MemberSource`, report).filter((member) => {
      if (sourceGuids.has(member)) return true;
      report(`${at}/MemberSource (targetGUID ${member}): no source with this GUID`);
      return false;
    });
    sets.push({ guid: guid ?? '', name: name ?? '', codeGuids: members, sourceGuids: memberSources });
  }

  const cases: RefiCase[] = [];
  for (const [i, node] of nodes(isNode(root.Cases) ? root.Cases.Case : undefined).entries()) {
    const at = `Project/Cases/Case[${i + 1}]`;
    const guid = guidOf(node, at, report);
    const values = new Map<string, string | null>();
    for (const [j, value] of nodes(node.VariableValue).entries()) {
      const valueAt = `${where(at, guid)}/VariableValue[${j + 1}]`;
      const ref = isNode(value.VariableRef) ? value.VariableRef['@targetGUID'] : undefined;
      if (typeof ref !== 'string' || !GUID_PATTERN.test(ref)) {
        report(`${valueAt}: needs a VariableRef with a targetGUID`);
        continue;
      }
      const variable = normalGuid(ref);
      if (!variableGuids.has(variable)) {
        report(`${valueAt}/VariableRef (targetGUID ${variable}): no Variable with this GUID`);
        continue;
      }
      const raw = ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue'].map((key) => value[key]).find((v) => v !== undefined);
      values.set(variable, text(raw));
    }
    const caseSources = refs(node.SourceRef, `${where(at, guid)}/SourceRef`, report).filter((ref) => {
      if (sourceGuids.has(ref)) return true;
      report(`${where(at, guid)}/SourceRef (targetGUID ${ref}): no source with this GUID`);
      return false;
    });
    const caseSelections = refs(node.SelectionRef, `${where(at, guid)}/SelectionRef`, report).filter((ref) => {
      if (selectionGuids.has(ref)) return true;
      report(`${where(at, guid)}/SelectionRef (targetGUID ${ref}): no selection with this GUID`);
      return false;
    });
    if (guid) cases.push({ guid, name: text(node['@name']), values, sourceGuids: caseSources, selectionGuids: caseSelections });
  }

  if (errors.length > 0) throw new RefiFormatError(errors);
  const name = text(root['@name']) ?? (kind === 'codebook' ? 'Codebook' : '');
  if (kind === 'project' && !name) throw new RefiFormatError(['Project: the name attribute is required']);
  return { kind, name, origin: text(root['@origin']), codes, sets, variables, cases, sources, otherSources };
}

/**
 * The XML as nodes. The validator passes what the parser still refuses (a DOCTYPE declaring an external
 * entity: `<!ENTITY x SYSTEM "file:///etc/passwd">`, which is never resolved): a file we cannot read, not a fault of ours.
 */
function parsed(text: string, file: string): XmlNode {
  try {
    return parser.parse(text) as XmlNode;
  } catch (error) {
    throw new RefiFormatError([`${file}: cannot be read as XML: ${(error as Error).message}`]);
  }
}

/** Gives each code its path from the top (`Werkpraktijken/Vertrouwen`), for messages. */
function setPaths(codes: RefiCode[], prefix: string): void {
  for (const code of codes) {
    code.path = prefix ? `${prefix}/${code.name}` : code.name;
    setPaths(code.children, code.path);
  }
}

/**
 * The plain text of a TextSource: `PlainTextContent`, else the archive's file that `plainTextPath` names
 * (`internal://x.txt` → `sources/x.txt`), decoded as UTF-8. Null when neither is given. A file is checked
 * here (unpacked and decoded, then let go) and unpacked again when its text is asked for.
 */
function sourceText(node: XmlNode, at: string, guid: string | undefined, files: ArchiveFiles, report: (m: string) => void): () => string | null {
  const none = () => null;
  if (node.PlainTextContent !== undefined) {
    const content = text(node.PlainTextContent) ?? '';
    return () => content;
  }
  const path = node['@plainTextPath'];
  if (typeof path !== 'string' || path === '') return none;
  if (!path.startsWith('internal://')) {
    report(`${where(at, guid)}: plainTextPath ${JSON.stringify(path)} is outside the archive; only internal:// paths can be read`);
    return none;
  }
  const entry = `sources/${path.slice('internal://'.length)}`;
  if (!files.has(entry)) {
    report(`${where(at, guid)}: plainTextPath ${JSON.stringify(path)}: no ${entry} in the archive`);
    return none;
  }
  let bytes: Uint8Array;
  try {
    bytes = files.read(entry);
  } catch (error) {
    if (!(error instanceof RefiFormatError)) throw error;
    report(`${where(at, guid)}: ${error.message}`);
    return none;
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    report(`${where(at, guid)}: ${entry} ${decoded.problem}`);
    return none;
  }
  return () => {
    const again = decodeUtf8(files.read(entry));
    return again.ok ? again.text : null;
  };
}

const where = (at: string, guid: string | undefined) => (guid ? `${at} (guid ${guid})` : at);

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The element nodes of a repeated element (an empty element parses as '' and counts as one with nothing in it). */
function nodes(value: unknown): XmlNode[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => (isNode(item) ? item : {}));
}

/** Text content of an element or attribute; null when absent or empty. */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (isNode(value) && typeof value['#text'] === 'string') return value['#text'] === '' ? null : value['#text'];
  return null;
}

function guidOf(node: XmlNode, at: string, report: (m: string) => void): string | undefined {
  const guid = node['@guid'];
  if (typeof guid !== 'string' || !GUID_PATTERN.test(guid.trim())) {
    report(`${at}: guid ${guid === undefined ? 'is required' : `${JSON.stringify(guid)} is not a GUID (8-4-4-4-12 hex digits)`}`);
    return undefined;
  }
  return normalGuid(guid.trim());
}

function requiredText(node: XmlNode, key: string, at: string, guid: string | undefined, report: (m: string) => void): string | undefined {
  const value = text(node[key]);
  if (value === null) report(`${where(at, guid)}: ${key.replace('@', '')} is required`);
  return value ?? undefined;
}

function integer(value: unknown, name: string, at: string, guid: string | undefined, report: (m: string) => void): number | undefined {
  if (typeof value !== 'string' || !/^\s*[+-]?\d+\s*$/.test(value)) {
    report(`${where(at, guid)}: ${name} ${value === undefined ? 'is required' : `${JSON.stringify(value)} is not an integer`}`);
    return undefined;
  }
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 0) {
    report(`${where(at, guid)}: ${name} ${value.trim()} is out of range`);
    return undefined;
  }
  return number;
}

/** The `targetGUID`s of reference elements (`CodeRef`, `SourceRef`, …). */
function refs(value: unknown, at: string, report: (m: string) => void): string[] {
  const out: string[] = [];
  for (const node of nodes(value)) {
    const target = node['@targetGUID'];
    if (typeof target !== 'string' || !GUID_PATTERN.test(target.trim())) report(`${at}: targetGUID ${JSON.stringify(target ?? null)} is not a GUID`);
    else out.push(normalGuid(target.trim()));
  }
  return out;
}
