import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { mulberry32 } from '../src/util/index.js';
import { esc } from '../test/qdpx/fixtures.js';

/**
 * A made-up REFI-QDA project of any size, for the large-import benchmark (`bench/qdpx-import.bench.ts`).
 * Never real interview data: the words are drawn at random from a small Dutch vocabulary (with diacritics,
 * and one emoji per interview, so code points and UTF-16 units differ as in real transcripts).
 *
 * - `sources` interviews as `sources/<guid>.txt` (20,000–80,000 characters each, about 50,000 on average: an
 *   hour's transcript), each with one case (interviewee) whose `Gemeente` names a seed municipality (in
 *   varying case) and whose `Functie` is a role;
 * - a codebook with the default groups: `Werkpraktijken` (the seed's practices by name, plus new ones),
 *   `Dilemma's` (the seed's dilemmas plus new ones), `Conclusies` (new ones) and `Overig` (not mapped);
 * - `selections` PlainTextSelections spread over the interviews (100–600 characters, one in ten overlapping
 *   the one before), each coded with one code, one in five with two; one in ten is coded only with an
 *   `Overig` code (not a quotation; its text is never stored).
 *
 * The same seed gives the same project (GUIDs included).
 */
export interface GeneratedProject {
  qdpx: Uint8Array;
  sources: number;
  cases: number;
  selections: number;
  codings: number;
  codes: { practices: number; dilemmas: number; conclusions: number; other: number };
  /** Characters (code points) of all source texts. */
  textCodePoints: number;
  qdeBytes: number;
}

const SEED_DIR = resolve(import.meta.dirname, '../seed');

interface SeedNode {
  type: string;
  name?: string;
}

/** Names of the seed's practices, dilemmas and municipalities: the codes and variables that attach to the graph. */
function seedNames(): { practices: string[]; dilemmas: string[]; municipalities: string[] } {
  const out = { practices: [] as string[], dilemmas: [] as string[], municipalities: [] as string[] };
  for (const file of ['leerkring-2018-03-14.json', 'illustrative-sample.json']) {
    const doc = JSON.parse(readFileSync(resolve(SEED_DIR, file), 'utf8')) as { nodes: SeedNode[] };
    for (const node of doc.nodes) {
      if (node.type === 'Practice' && node.name) out.practices.push(node.name);
      if (node.type === 'Dilemma' && node.name) out.dilemmas.push(node.name);
      if (node.type === 'Municipality' && node.name) out.municipalities.push(node.name);
    }
  }
  return out;
}

const WORDS = (
  'de het een en van in dat is niet op te met voor zijn we ik je maar ook als dan bij nog wel er om naar ze wat zo hun ' +
  'gemeente initiatief bewoners buurt wijk ambtenaar regels vergunning subsidie ruimte vertrouwen gesprek keukentafel ' +
  'beleid procedure kaders visie belang belangen afweging loslaten sturen meedenken samen verbinden wethouder raad ' +
  'ideeën café één coördinator financiële privé reünie geïnteresseerd overleg eigenlijk natuurlijk gewoon misschien ' +
  'moeilijk spannend lastig mooi belangrijk vaak soms altijd nooit eerst daarna toen waarom hoe wanneer zeggen denken ' +
  'weten kijken proberen werken helpen vragen geven nemen houden laten maken zoeken vinden blijven worden hebben'
).split(' ');
const ROLES = ['wijkregisseur', 'beleidsmedewerker', 'gebiedsmanager', 'vergunningverlener', 'jurist', 'teamleider', 'projectleider'];

/** A transcript of about `length` code points: interviewer and respondent taking turns. */
function interviewText(random: () => number, length: number): string {
  const parts: string[] = [];
  let size = 0;
  let turn = 0;
  const emojiAt = Math.floor(random() * length);
  while (size < length) {
    const speaker = turn++ % 2 === 0 ? 'I: ' : 'R: ';
    const words = 8 + Math.floor(random() * (turn % 2 === 0 ? 30 : 120));
    let sentence = speaker;
    for (let i = 0; i < words; i++) {
      const word = WORDS[Math.floor(random() * WORDS.length)]!;
      sentence += i === 0 ? word[0]!.toUpperCase() + word.slice(1) : word;
      sentence += i === words - 1 ? (random() < 0.2 ? '?' : '.') : random() < 0.08 ? ', ' : ' ';
    }
    if (size < emojiAt && size + sentence.length >= emojiAt) sentence += ' 😀';
    sentence += '\n';
    parts.push(sentence);
    size += sentence.length;
  }
  return parts.join('');
}

function guidFrom(random: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
}

export function generateQdpxProject(options: { sources: number; selections: number; seed?: number; name?: string }): GeneratedProject {
  const random = mulberry32(options.seed ?? 16);
  const guid = () => guidFrom(random);
  const seed = seedNames();
  const practices = [...seed.practices, ...Array.from({ length: 25 }, (_, i) => `Nieuwe werkwijze ${i + 1}`)];
  const dilemmas = [...seed.dilemmas, ...Array.from({ length: 12 }, (_, i) => `Spanningsveld ${i + 1}`)];
  const conclusions = Array.from({ length: 6 }, (_, i) => `Les uit de interviews ${i + 1}`);
  const other = ['Emotie', 'Anekdote', 'Terzijde', 'Citaat voor rapport', 'Onduidelijk'];
  const codeGuids = {
    practices: practices.map(() => guid()),
    dilemmas: dilemmas.map(() => guid()),
    conclusions: conclusions.map(() => guid()),
    other: other.map(() => guid()),
  };
  const codeXml = (names: string[], guids: string[]) =>
    names.map((name, i) => `<Code guid="${guids[i]}" name="${esc(name)}" isCodable="true"/>`).join('\n');
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const codeGuid = (): string => {
    const r = random();
    if (r < 0.6) return pick(codeGuids.practices);
    if (r < 0.85) return pick(codeGuids.dilemmas);
    if (r < 0.9) return pick(codeGuids.conclusions);
    return pick(codeGuids.other);
  };

  const variableGemeente = guid();
  const variableFunctie = guid();
  const files: Record<string, Uint8Array> = {};
  const sourceXml: string[] = [];
  const caseXml: string[] = [];
  let selections = 0;
  let codings = 0;
  let textCodePoints = 0;
  for (let s = 0; s < options.sources; s++) {
    const sourceGuid = guid();
    const text = interviewText(random, 20_000 + Math.floor(random() * 60_000));
    const length = Array.from(text).length;
    textCodePoints += length;
    files[`sources/${sourceGuid}.txt`] = strToU8(text);
    // This interview's share of the selections, spread evenly; the last one takes the rest.
    const count = s === options.sources - 1 ? options.selections - selections : Math.round(((s + 1) * options.selections) / options.sources) - selections;
    const step = Math.max(1, Math.floor(length / Math.max(1, count)));
    const selectionXml: string[] = [];
    let previousEnd = 0;
    for (let k = 0; k < count; k++) {
      const span = 100 + Math.floor(random() * 500);
      let start = Math.min(k * step + Math.floor(random() * Math.max(1, step - span)), Math.max(0, length - span));
      if (k > 0 && random() < 0.1 && previousEnd > 50) start = Math.max(0, previousEnd - 50); // overlaps the one before
      const end = Math.min(length, start + span);
      previousEnd = end;
      const codes = random() < 0.2 ? [codeGuid(), codeGuid()] : [codeGuid()];
      const unique = [...new Set(codes)];
      codings += unique.length;
      selectionXml.push(
        `<PlainTextSelection guid="${guid()}" name="Fragment ${k + 1}" startPosition="${start}" endPosition="${end}" creationDateTime="2026-11-30T10:00:00Z">` +
          unique.map((code) => `<Coding guid="${guid()}"><CodeRef targetGUID="${code}"/></Coding>`).join('') +
          '</PlainTextSelection>',
      );
    }
    selections += count;
    sourceXml.push(
      `<TextSource guid="${sourceGuid}" name="Interview ${s + 1}" plainTextPath="internal://${sourceGuid}.txt" creationDateTime="2026-11-30T10:00:00Z">\n${selectionXml.join('\n')}\n</TextSource>`,
    );
    const municipality = pick(seed.municipalities);
    caseXml.push(
      `<Case guid="${guid()}" name="Geïnterviewde ${s + 1}">` +
        `<VariableValue><VariableRef targetGUID="${variableGemeente}"/><TextValue>${esc(random() < 0.3 ? municipality.toLowerCase() : municipality)}</TextValue></VariableValue>` +
        `<VariableValue><VariableRef targetGUID="${variableFunctie}"/><TextValue>${pick(ROLES)}</TextValue></VariableValue>` +
        `<SourceRef targetGUID="${sourceGuid}"/></Case>`,
    );
  }

  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="${esc(options.name ?? `Verzonnen groot project ${options.sources}x${options.selections}`)}" origin="Practice Graph bench generator" creationDateTime="2026-11-30T10:00:00Z">
<Users><User guid="${guid()}" name="Onderzoeker"/></Users>
<CodeBook><Codes>
<Code guid="${guid()}" name="Werkpraktijken" isCodable="false">
${codeXml(practices, codeGuids.practices)}
</Code>
<Code guid="${guid()}" name="Dilemma's" isCodable="false">
${codeXml(dilemmas, codeGuids.dilemmas)}
</Code>
<Code guid="${guid()}" name="Conclusies" isCodable="false">
${codeXml(conclusions, codeGuids.conclusions)}
</Code>
<Code guid="${guid()}" name="Overig" isCodable="false">
${codeXml(other, codeGuids.other)}
</Code>
</Codes></CodeBook>
<Variables>
<Variable guid="${variableGemeente}" name="Gemeente" typeOfVariable="Text"/>
<Variable guid="${variableFunctie}" name="Functie" typeOfVariable="Text"/>
</Variables>
<Cases>
${caseXml.join('\n')}
</Cases>
<Sources>
${sourceXml.join('\n')}
</Sources>
</Project>
`;
  const qdeBytes = strToU8(qde);
  return {
    qdpx: zipSync({ 'project.qde': qdeBytes, ...files }, { level: 6 }),
    sources: options.sources,
    cases: options.sources,
    selections,
    codings,
    codes: { practices: practices.length, dilemmas: dilemmas.length, conclusions: conclusions.length, other: other.length },
    textCodePoints,
    qdeBytes: qdeBytes.length,
  };
}
