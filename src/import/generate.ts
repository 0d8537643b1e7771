import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PracticeKind, slugify } from '../model/index.js';
import type { GraphDocument } from './document.js';
import { mulberry32 } from '../util/index.js';

/**
 * A synthetic graph shaped like the real one, for benchmarks and load tests (`npm run generate`).
 *
 * Pure and deterministic: the same scale and seed always give the same document (a seeded PRNG, no clock,
 * no I/O besides reading the municipality list once). Everything hangs off one `Source` with
 * `kind: ILLUSTRATIVE, synthetic: true`, so no one mistakes it for research findings. Names are Dutch,
 * made up from small vocabularies; employees are pseudonyms ("Anouk V."), never real people.
 */

/** The list of the 342 Dutch municipalities (1 January 2023) with their provinces. */
export const MUNICIPALITIES_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../../bench/data/municipalities.json');

/** The id of the one Source every generated node is linked to. */
export const SYNTHETIC_SOURCE_ID = 'source:synthetic-benchmark';

/** Default PRNG seed (the date of the first learning circle). */
export const DEFAULT_SEED = 20180314;

/** Largest scale accepted: 10 is 1.2 million nodes and 6 million relationships. */
export const MAX_SCALE = 10;

export interface GenerateOptions {
  /** 1 = 342 municipalities, 20,000 employees, 500 practices, 40 dilemmas, 100,000 cases; from >0 to 10. */
  scale: number;
  /** PRNG seed; default `DEFAULT_SEED`. */
  seed?: number;
}

/** How many nodes of each kind a scale gives. */
export interface GraphCounts {
  municipalities: number;
  employees: number;
  practices: number;
  dilemmas: number;
  cases: number;
}

/**
 * The nodes that the benchmark's workloads ask about, chosen by rule so that they exist at every scale.
 * See bench/README.md for why each was picked.
 */
export interface BenchmarkFixtures {
  /** Workload 1: a practice of the top 10% by use, not the single most used one. */
  practiceId: string;
  /** Workload 3: the dilemma addressed by the most practices (so page 2 is not empty). */
  dilemmaId: string;
  /** Workload 4: the municipality with the largest share of employees and cases. */
  municipalityId: string;
  /** Workload 5: the first 10 municipalities by name. */
  municipalityIds: string[];
  /** Workload 6: a word that occurs in case titles. */
  searchText: string;
}

export interface GeneratedGraph {
  document: GraphDocument;
  counts: GraphCounts;
  /** Relationships in the document per type (the writer adds one SOURCED_FROM per node on top). */
  relationshipCounts: Record<string, number>;
  fixtures: BenchmarkFixtures;
}

interface MunicipalityEntry {
  name: string;
  province: string;
}

const BASE: GraphCounts = { municipalities: 342, employees: 20_000, practices: 500, dilemmas: 40, cases: 100_000 };

/**
 * Node counts for a scale: employees and cases scale linearly; municipalities (at most the real 342),
 * practices and dilemmas have floors (50, 50, 10) so that every workload still has something to ask
 * at small scales. Throws a RangeError for a scale outside (0, 10].
 */
export function countsForScale(scale: number): GraphCounts {
  if (!Number.isFinite(scale) || scale <= 0 || scale > MAX_SCALE) {
    throw new RangeError(`scale must be a number greater than 0 and at most ${MAX_SCALE} (got ${scale})`);
  }
  return {
    municipalities: Math.min(BASE.municipalities, Math.max(50, Math.round(BASE.municipalities * scale))),
    employees: Math.max(20, Math.round(BASE.employees * scale)),
    practices: Math.max(50, Math.round(BASE.practices * scale)),
    dilemmas: Math.max(10, Math.round(BASE.dilemmas * scale)),
    cases: Math.max(50, Math.round(BASE.cases * scale)),
  };
}

let municipalityList: MunicipalityEntry[] | undefined;

/** The real municipalities, sorted by name as Neo4j sorts strings (code points). */
export function dutchMunicipalities(): MunicipalityEntry[] {
  municipalityList ??= (JSON.parse(readFileSync(MUNICIPALITIES_FILE, 'utf8')) as { municipalities: MunicipalityEntry[] }).municipalities
    .slice()
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return municipalityList;
}

/** Generates the document for `options.scale` (see `countsForScale`), with the workloads' fixtures. */
export function generateGraph(options: GenerateOptions): GeneratedGraph {
  const counts = countsForScale(options.scale);
  const seed = options.seed ?? DEFAULT_SEED;
  // Separate streams, so that e.g. the municipality choice does not shift when employee generation changes.
  const rngMunicipalities = mulberry32(seed);
  const rngPractices = mulberry32(seed + 1);
  const rngEmployees = mulberry32(seed + 2);
  const rngCases = mulberry32(seed + 3);

  const nodes: GraphDocument['nodes'] = [];
  const relationships: GraphDocument['relationships'] = [];
  const relationshipCounts: Record<string, number> = {};
  const link = (from: string, type: string, to: string) => {
    relationships.push({ from, type, to });
    relationshipCounts[type] = (relationshipCounts[type] ?? 0) + 1;
  };

  // Municipalities: all 342, or a seeded sample of them kept in name order; each gets a size weight
  // (log-normal: a few big cities, many small towns) that drives where employees work.
  const all = dutchMunicipalities();
  const chosen =
    counts.municipalities >= all.length
      ? all
      : shuffle(all.slice(), rngMunicipalities)
          .slice(0, counts.municipalities)
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const municipalities = chosen.map((m) => ({
    id: `municipality:${slugify(m.name)}`,
    name: m.name,
    weight: Math.exp(0.6 * gaussian(rngMunicipalities)),
  }));
  for (const [i, m] of municipalities.entries()) {
    nodes.push({ type: 'Municipality', id: m.id, name: m.name, province: chosen[i]!.province });
  }

  // Dilemmas and practices: ids in order of popularity (rank 1 = most used), popularity is Zipf-like.
  const dilemmaIds = range(counts.dilemmas).map((i) => `dilemma:syn-${pad(i + 1, counts.dilemmas)}`);
  for (const [i, id] of dilemmaIds.entries()) {
    nodes.push({ type: 'Dilemma', id, name: numbered(DILEMMAS, i), description: `Synthetisch dilemma ${i + 1}: ${DILEMMAS[i % DILEMMAS.length]!.toLowerCase()}.` });
  }
  const pickDilemma = zipfPicker(counts.dilemmas, 0.7);
  const practiceIds = range(counts.practices).map((i) => `practice:syn-${pad(i + 1, counts.practices)}`);
  const addresses: number[][] = [];
  const kinds = Object.values(PracticeKind);
  for (const [i, id] of practiceIds.entries()) {
    const name = numbered(PRACTICE_NAMES, i);
    nodes.push({
      type: 'Practice',
      id,
      name,
      kind: kinds[Math.floor(rngPractices() * kinds.length)],
      description: `${name}: een werkwijze uit de synthetische benchmarkdata.`,
    });
    const chosenDilemmas = distinct(1 + Math.floor(rngPractices() * 3), () => pickDilemma(rngPractices), counts.dilemmas);
    addresses.push(chosenDilemmas);
    for (const d of chosenDilemmas) link(id, 'ADDRESSES', dilemmaIds[d]!);
  }
  const pickPractice = zipfPicker(counts.practices, 0.7);

  // Employees: each works in one municipality (by size weight) and uses 3 to 9 practices.
  const pickMunicipality = weightedPicker(municipalities.map((m) => m.weight));
  const employeeIds = range(counts.employees).map((i) => `employee:syn-${pad(i + 1, counts.employees)}`);
  const employeeMunicipality: number[] = [];
  const employeeUses: number[][] = [];
  for (const id of employeeIds) {
    const m = pickMunicipality(rngEmployees);
    employeeMunicipality.push(m);
    nodes.push({
      type: 'Employee',
      id,
      pseudonym: `${pick(FIRST_NAMES, rngEmployees)} ${String.fromCharCode(65 + Math.floor(rngEmployees() * 26))}.`,
      role: pick(ROLES, rngEmployees),
      department: pick(DEPARTMENTS, rngEmployees),
    });
    link(id, 'WORKS_AT', municipalities[m]!.id);
    const uses = distinct(3 + Math.floor(rngEmployees() * 7), () => pickPractice(rngEmployees), counts.practices);
    employeeUses.push(uses);
    for (const p of uses) link(id, 'USES', practiceIds[p]!);
  }

  // Cases: described by one employee, in that employee's municipality; they apply 1-2 practices (mostly
  // the employee's own) and raise 1-2 dilemmas (mostly ones those practices address).
  const caseIds = range(counts.cases).map((i) => `case:syn-${pad(i + 1, counts.cases)}`);
  for (const id of caseIds) {
    const e = Math.floor(rngCases() * counts.employees);
    const m = employeeMunicipality[e]!;
    const uses = employeeUses[e]!;
    const topic = pick(CASE_TOPICS, rngCases);
    nodes.push({
      type: 'Case',
      id,
      title: `${topic} in ${municipalities[m]!.name}`,
      summary: `${pick(CASE_ACTORS, rngCases)} ${pick(CASE_ASKS, rngCases)} voor ${topic.toLowerCase()}; ${pick(CASE_TWISTS, rngCases)}.`,
      year: 2015 + Math.floor(rngCases() * 10),
    });
    link(employeeIds[e]!, 'DESCRIBED', id);
    link(id, 'IN', municipalities[m]!.id);
    const applied = distinct(rngCases() < 0.5 ? 1 : 2, () => (rngCases() < 0.8 ? pick(uses, rngCases) : pickPractice(rngCases)), counts.practices);
    for (const p of applied) link(id, 'APPLIES', practiceIds[p]!);
    const addressed = applied.flatMap((p) => addresses[p]!);
    const raised = distinct(rngCases() < 0.9 ? 1 : 2, () => (rngCases() < 0.7 ? pick(addressed, rngCases) : pickDilemma(rngCases)), counts.dilemmas);
    for (const d of raised) link(id, 'RAISES', dilemmaIds[d]!);
  }

  const biggest = municipalities.reduce((best, m) => (m.weight > best.weight ? m : best), municipalities[0]!);
  return {
    document: {
      source: {
        id: SYNTHETIC_SOURCE_ID,
        title: `Synthetische benchmarkgraaf (schaal ${options.scale}, seed ${seed})`,
        kind: 'ILLUSTRATIVE',
        locator: `npm run generate -- --scale ${options.scale} --seed ${seed}`,
        synthetic: true,
      },
      nodes,
      relationships,
    },
    counts,
    relationshipCounts,
    fixtures: {
      practiceId: practiceIds[Math.ceil(counts.practices / 10) - 1]!,
      dilemmaId: dilemmaIds[0]!,
      municipalityId: biggest.id,
      municipalityIds: municipalities.slice(0, 10).map((m) => m.id),
      searchText: 'speeltuin',
    },
  };
}

// ---- vocabularies (made up; Dutch, as in the research) ----

const PRACTICE_ACTIONS = [
  'Ruimte geven aan', 'Aansluiten bij', 'Verbinden van', 'Ondersteunen van', 'Faciliteren van', 'Meedenken over',
  'Loslaten van', 'Begeleiden van', 'Ophalen van', 'Zichtbaar maken van', 'Versnellen van', 'Organiseren van',
  'Erkennen van', 'Waarderen van', 'Bemiddelen bij', 'Doorverwijzen bij', 'Terugkoppelen over', 'Samenwerken aan',
  'Experimenteren met', 'Evalueren van', 'Vertalen van', 'Beschermen van', 'Schakelen rond', 'Investeren in', 'Luisteren naar',
];
const PRACTICE_OBJECTS = [
  'bewonersinitiatieven', 'buurtmoestuinen', 'energiecoöperaties', 'speeltuinen', 'zorgcoöperaties', 'buurthuizen',
  'wijkbudgetten', 'burgerplannen', 'groenbeheer', 'straatfeesten', 'verkeersveiligheid', 'buurtpreventie',
  'repaircafés', 'dorpsraden', 'jongerenplekken', 'kunstprojecten', 'voedselbanken', "wijkagenda's", 'burgerberaden', 'schoolpleinen',
];
/** 25 × 20 = 500 distinct practice names: exactly the practices of scale 1. */
const PRACTICE_NAMES = PRACTICE_OBJECTS.flatMap((object) => PRACTICE_ACTIONS.map((action) => `${action} ${object}`));

const DILEMMAS = [
  'Loslaten of sturen', 'Bemiddelen of beslissen', 'Snelheid of zorgvuldigheid', 'Maatwerk of gelijke behandeling',
  'Vertrouwen of controle', 'Ruimte of regels', 'Initiatief of beleid', 'Eigen regie of ondersteuning',
  'Korte of lange termijn', 'Wijk of stad', 'Inwoner of raad', 'Experiment of verantwoording', 'Nabijheid of afstand',
  'Luisteren of leveren', 'Risico nemen of risico mijden', 'Samen doen of zelf doen', 'Budget of ambitie',
  'Openheid of vertrouwelijkheid', 'Representativiteit of energie', 'Professional of vrijwilliger', 'Procedure of resultaat',
  'Eenheid of verscheidenheid', 'Faciliteren of overnemen', 'Organisatie of inwoner', 'Formeel of informeel',
  'Continuïteit of vernieuwing', 'Zichtbaar of bescheiden', 'Tempo van inwoners of van de gemeente', 'Enkelen of velen',
  'Neutraal of betrokken', 'Verwachtingen wekken of temperen', 'Grenzen stellen of meebewegen', 'Coördineren of vrijlaten',
  'Kwaliteit of toegankelijkheid', 'Ondersteunen of verzelfstandigen', 'Afspraken of improvisatie', 'Eigenaarschap of regie',
  'Draagvlak of daadkracht', 'Lokaal of regionaal', 'Gelijke kansen of gelijke uitkomsten',
];

const FIRST_NAMES = [
  'Anouk', 'Bram', 'Carla', 'Daan', 'Eva', 'Fleur', 'Gijs', 'Hanna', 'Ilse', 'Joost', 'Karin', 'Lars', 'Marloes', 'Niels',
  'Olga', 'Pieter', 'Quinten', 'Roos', 'Sander', 'Tessa', 'Uma', 'Vincent', 'Wendy', 'Xander', 'Yara', 'Zeynep', 'Mohamed',
  'Fatima', 'Sem', 'Lotte', 'Ruben', 'Noor', 'Thijs', 'Sanne', 'Bas', 'Inge', 'Koen', 'Myrthe', 'Jeroen', 'Esther',
];
const ROLES = ['wijkregisseur', 'gebiedsmakelaar', 'beleidsmedewerker', 'opbouwwerker', 'projectleider', 'wijkcoördinator', 'accountmanager', 'participatiemakelaar'];
const DEPARTMENTS = ['Ruimte', 'Sociaal Domein', 'Wijkzaken', 'Dienstverlening', 'Openbare Ruimte', 'Economie'];

const CASE_TOPICS = [
  'Buurtmoestuin', 'Speeltuin', 'Energiecoöperatie', 'Repaircafé', 'Buurthuis', 'Straatfeest', 'Zorgcoöperatie',
  'Jongerenplek', 'Voedselbank', 'Wijkbudget', 'Dorpsraad', 'Schoolplein', 'Kunstproject', 'Buurtpreventie',
  'Groenstrook', 'Burgerberaad', 'Ontmoetingsplek', 'Buurtbus', 'Bewonersplan', 'Wijkfestival',
];
const CASE_ACTORS = ['Bewoners', 'Een bewonersgroep', 'Ouders uit de wijk', 'Een stichting', 'Ondernemers', 'Jongeren', 'Vrijwilligers', 'Een dorpsraad'];
const CASE_ASKS = ['vragen steun', 'zoeken een locatie', 'vragen een vergunning', 'willen budget', 'zoeken samenwerking', 'vragen advies'];
const CASE_TWISTS = [
  'de regels passen niet', 'de raad is verdeeld', 'de buurt is niet eensgezind', 'er is haast', 'het budget is op',
  'meerdere afdelingen zijn betrokken', 'het initiatief groeit snel', 'de vrijwilligers haken af',
];

// ---- small deterministic helpers ----

function gaussian(rng: () => number): number {
  // Box-Muller; 1 - u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** Picks an index with probability proportional to `weights` (binary search over the cumulative sums). */
function weightedPicker(weights: number[]): (rng: () => number) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  return (rng) => {
    const target = rng() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Index 0 is the most likely: weight 1 / (rank ^ exponent). */
function zipfPicker(n: number, exponent: number): (rng: () => number) => number {
  return weightedPicker(range(n).map((i) => 1 / Math.pow(i + 1, exponent)));
}

/** `count` distinct values from `draw` (fewer when `available` is smaller), in the order drawn. */
function distinct(count: number, draw: () => number, available: number): number[] {
  const out = new Set<number>();
  const want = Math.min(count, available);
  // Bounded: with skewed draws a last distinct value can take a while; a few misses are fine.
  for (let tries = 0; out.size < want && tries < want * 20; tries++) out.add(draw());
  return [...out];
}

function pick<T>(items: readonly T[], rng: () => number): T {
  return items[Math.floor(rng() * items.length)]!;
}

function shuffle<T>(items: T[], rng: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Zero-padded to the width of `max`, so ids sort in numeric order. */
function pad(n: number, max: number): string {
  return String(n).padStart(String(max).length, '0');
}

/** The i-th name of a vocabulary; past its end, the names repeat with a number: "Loslaten of sturen (2)". */
function numbered(names: readonly string[], i: number): string {
  const round = Math.floor(i / names.length);
  const name = names[i % names.length]!;
  return round === 0 ? name : `${name} (${round + 1})`;
}
