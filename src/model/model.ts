/**
 * The graph model: labels, their properties and the allowed (source label, relationship, target label)
 * triples. It is the allow-list every dynamic part of a Cypher statement is taken from (labels, types,
 * property names), and what the seed, the bulk import and `link` validate against.
 */
import { LONG_TEXT } from './text-rules.js';

/** Every node type of the model, as exposed in GraphQL (`NodeType`). */
export enum NodeType {
  RESEARCH = 'RESEARCH',
  ORGANISATION = 'ORGANISATION',
  PERSON = 'PERSON',
  MUNICIPALITY = 'MUNICIPALITY',
  EMPLOYEE = 'EMPLOYEE',
  PRACTICE = 'PRACTICE',
  DILEMMA = 'DILEMMA',
  CONCLUSION = 'CONCLUSION',
  MEETING = 'MEETING',
  CASE = 'CASE',
  SOURCE = 'SOURCE',
  QUOTATION = 'QUOTATION',
  TALK = 'TALK',
}

export enum OrganisationKind {
  UNIVERSITY = 'UNIVERSITY',
  FUND = 'FUND',
  MINISTRY = 'MINISTRY',
  ASSOCIATION = 'ASSOCIATION',
}

export enum PracticeKind {
  MINDSET = 'MINDSET',
  SKILL = 'SKILL',
  ROUTINE = 'ROUTINE',
  ORGANISATIONAL = 'ORGANISATIONAL',
}

export enum MeetingKind {
  LEARNING_CIRCLE = 'LEARNING_CIRCLE',
  WORKSHOP = 'WORKSHOP',
  INTERVIEW_SESSION = 'INTERVIEW_SESSION',
}

export enum SourceKind {
  DOCUMENT = 'DOCUMENT',
  INTERVIEW = 'INTERVIEW',
  MEETING_REPORT = 'MEETING_REPORT',
  ILLUSTRATIVE = 'ILLUSTRATIVE',
}

export type Label =
  | 'Research'
  | 'Organisation'
  | 'Person'
  | 'Municipality'
  | 'Employee'
  | 'Practice'
  | 'Dilemma'
  | 'Conclusion'
  | 'Meeting'
  | 'Case'
  | 'Source'
  | 'Quotation'
  | 'Talk';

/** `stringList`: a list of short texts (`Research.questions`), stored as a Neo4j list of strings. */
export type PropertyType = 'string' | 'integer' | 'boolean' | 'date' | 'enum' | 'stringList';

export interface PropertySpec {
  type: PropertyType;
  required: boolean;
  /** Allowed values of an enum property. */
  values?: readonly string[];
  /**
   * Longest text of a string property, in characters; default `SHORT_TEXT` (500). Checked with the other
   * text rules (no control characters, valid Unicode) on every write path: see text-rules.ts.
   */
  maxLength?: number;
}

export interface NodeSpec {
  type: NodeType;
  label: Label;
  /** Prefix of every id of this type: `municipality` in `municipality:breda`. */
  idPrefix: string;
  /** The property shown as the node's label (and slugged into its id). */
  display: string;
  properties: Record<string, PropertySpec>;
}

const str = (required = true): PropertySpec => ({ type: 'string', required });
/** A long text (description, summary, statement, evidence): up to `LONG_TEXT` characters. */
const text = (required = false): PropertySpec => ({ type: 'string', required, maxLength: LONG_TEXT });
const int = (required = true): PropertySpec => ({ type: 'integer', required });
const enumOf = (values: Record<string, string>, required = true): PropertySpec => ({ type: 'enum', required, values: Object.values(values) });

// Declared with `satisfies` so each type's property names stay literal types (`NodeProperty`), then
// exported widened for code that walks every spec.
const SPECS = {
  [NodeType.RESEARCH]: {
    type: NodeType.RESEARCH, label: 'Research', idPrefix: 'research', display: 'title',
    properties: {
      title: str(), institution: str(), startYear: int(false),
      // What a source reports about the interviews: "ruim 50 medewerkers, die daadwerkelijk contact hebben
      // met inwoners" is count 50, qualifier "ruim", population (kept apart so "about 50" is never read as 50).
      reportedIntervieweeCount: int(false), reportedIntervieweeQualifier: str(false), reportedIntervieweePopulation: str(false),
      questions: { type: 'stringList', required: false }, method: text(),
    },
  },
  [NodeType.ORGANISATION]: {
    type: NodeType.ORGANISATION, label: 'Organisation', idPrefix: 'organisation', display: 'name',
    properties: { name: str(), kind: enumOf(OrganisationKind) },
  },
  [NodeType.PERSON]: {
    type: NodeType.PERSON, label: 'Person', idPrefix: 'person', display: 'name',
    properties: { name: str(), role: str(false) },
  },
  [NodeType.MUNICIPALITY]: {
    type: NodeType.MUNICIPALITY, label: 'Municipality', idPrefix: 'municipality', display: 'name',
    properties: { name: str(), province: str(false) },
  },
  [NodeType.EMPLOYEE]: {
    type: NodeType.EMPLOYEE, label: 'Employee', idPrefix: 'employee', display: 'pseudonym',
    properties: { pseudonym: str(), role: str(false), department: str(false) },
  },
  [NodeType.PRACTICE]: {
    type: NodeType.PRACTICE, label: 'Practice', idPrefix: 'practice', display: 'name',
    // `kind` is optional: a source may name a practice without saying what kind it is (the report does not).
    properties: { name: str(), description: text(), kind: enumOf(PracticeKind, false), gloss: str(false) },
  },
  [NodeType.DILEMMA]: {
    type: NodeType.DILEMMA, label: 'Dilemma', idPrefix: 'dilemma', display: 'name',
    properties: { name: str(), description: text(), gloss: str(false) },
  },
  [NodeType.CONCLUSION]: {
    type: NodeType.CONCLUSION, label: 'Conclusion', idPrefix: 'conclusion', display: 'statement',
    properties: { statement: text(true), gloss: text() },
  },
  [NodeType.MEETING]: {
    type: NodeType.MEETING, label: 'Meeting', idPrefix: 'meeting', display: 'title',
    properties: { title: str(), date: { type: 'date', required: true }, participantCount: int(false), kind: enumOf(MeetingKind) },
  },
  [NodeType.CASE]: {
    type: NodeType.CASE, label: 'Case', idPrefix: 'case', display: 'title',
    properties: { title: str(), summary: text(), year: int(false), restricted: { type: 'boolean', required: false } },
  },
  [NodeType.SOURCE]: {
    type: NodeType.SOURCE, label: 'Source', idPrefix: 'source', display: 'title',
    properties: { title: str(), kind: enumOf(SourceKind), locator: text(), synthetic: { type: 'boolean', required: true } },
  },
  // A coded segment of an interview (REFI-QDA PlainTextSelection). `name` is generated (speaker and
  // positions), never the segment's words: it is the display label everyone sees, `text` may be hidden.
  [NodeType.QUOTATION]: {
    type: NodeType.QUOTATION, label: 'Quotation', idPrefix: 'quotation', display: 'name',
    properties: {
      name: str(), text: text(), startPosition: int(), endPosition: int(),
      restricted: { type: 'boolean', required: false },
    },
  },
  // A talk given at a meeting (the report's "inleiding over ambtelijk vakmanschap anno nu"); who gave it,
  // where, and the practices it named, each with the point it made, are relationships.
  [NodeType.TALK]: {
    type: NodeType.TALK, label: 'Talk', idPrefix: 'talk', display: 'title',
    properties: { title: str(), mainPoint: text() },
  },
} satisfies Record<NodeType, NodeSpec>;

/** Every node type's spec: labels, id prefixes, display property and properties. */
export const NODE_SPECS: Record<NodeType, NodeSpec> = SPECS;

/** The names of a node type's properties (`'name' | 'description' | …` for PRACTICE), plus `id`. */
export type NodeProperty<T extends NodeType> = Extract<keyof (typeof SPECS)[T]['properties'], string> | 'id';

export const NODE_TYPES = Object.values(NodeType);
export const LABELS: Label[] = NODE_TYPES.map((type) => NODE_SPECS[type].label);

/**
 * Label of the marker recording that a seed file finished: `(:SeedRun {file, hash, at})` (src/import/seed.ts).
 * Bookkeeping, not a node type: it is not in `LABELS`, so the API, stats, search and exports (which only read
 * the model's labels) never show it. Here because the migrations give it a constraint (src/db/migrations.ts).
 */
export const SEED_RUN_LABEL = 'SeedRun';

const BY_LABEL = new Map<string, NodeSpec>(NODE_TYPES.map((type) => [NODE_SPECS[type].label, NODE_SPECS[type]]));
const BY_PREFIX = new Map<string, NodeSpec>(NODE_TYPES.map((type) => [NODE_SPECS[type].idPrefix, NODE_SPECS[type]]));

/** The spec of a label name as written in documents (`Municipality`); undefined when not in the model. */
export const specOfLabel = (label: string): NodeSpec | undefined => BY_LABEL.get(label);

/** The spec a stable id belongs to, read from its prefix (`municipality:breda` → Municipality). */
export function specOfId(id: string): NodeSpec | undefined {
  const colon = id.indexOf(':');
  return colon > 0 ? BY_PREFIX.get(id.slice(0, colon)) : undefined;
}

/** Stable, readable id shape: `<type>:<slug>`. */
export const ID_PATTERN = /^([a-z]+):([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export type RelType =
  | 'LED_BY' | 'FUNDED_BY' | 'PARTNERS_WITH' | 'RESEARCHES' | 'AFFILIATED_WITH' | 'WORKS_AT'
  | 'INTERVIEWED_FOR' | 'USES' | 'DESCRIBED' | 'IN' | 'APPLIES' | 'RAISES' | 'ADDRESSES' | 'PART_OF'
  | 'DISCUSSED' | 'CONCLUDED' | 'SPOKE_AT' | 'CONCERNS' | 'CALLS_FOR' | 'SOURCED_FROM'
  | 'QUOTED_FROM' | 'SAID' | 'CODED_AS' | 'INTERVIEWED_IN'
  | 'HAS_CONTACT' | 'GAVE' | 'GIVEN_AT' | 'NAMES';

export interface RelationshipSpec {
  from: Label;
  type: RelType;
  to: Label;
  properties: Record<string, PropertySpec>;
}

const rel = (from: Label, type: RelType, to: Label, properties: Record<string, PropertySpec> = {}): RelationshipSpec => ({ from, type, to, properties });

/** The allowed relationship triples, besides `(any)-[:SOURCED_FROM]->(Source)` which every write adds. */
export const RELATIONSHIP_SPECS: readonly RelationshipSpec[] = [
  rel('Research', 'LED_BY', 'Organisation'),
  rel('Research', 'FUNDED_BY', 'Organisation'),
  rel('Research', 'FUNDED_BY', 'Municipality'),
  rel('Research', 'HAS_CONTACT', 'Person'),
  rel('Research', 'PARTNERS_WITH', 'Municipality'),
  rel('Person', 'RESEARCHES', 'Research', { lead: { type: 'boolean', required: false } }),
  rel('Person', 'AFFILIATED_WITH', 'Organisation'),
  rel('Person', 'AFFILIATED_WITH', 'Municipality'),
  rel('Employee', 'WORKS_AT', 'Municipality'),
  rel('Employee', 'INTERVIEWED_FOR', 'Research'),
  rel('Employee', 'USES', 'Practice', { evidence: text(), restricted: { type: 'boolean', required: false } }),
  rel('Employee', 'DESCRIBED', 'Case'),
  rel('Case', 'IN', 'Municipality'),
  rel('Case', 'APPLIES', 'Practice'),
  rel('Case', 'RAISES', 'Dilemma'),
  rel('Practice', 'ADDRESSES', 'Dilemma'),
  rel('Meeting', 'PART_OF', 'Research'),
  rel('Meeting', 'DISCUSSED', 'Dilemma', { workingGroup: { type: 'boolean', required: false } }),
  rel('Meeting', 'CONCLUDED', 'Conclusion'),
  rel('Person', 'SPOKE_AT', 'Meeting', { role: str(false) }),
  rel('Person', 'GAVE', 'Talk'),
  rel('Talk', 'GIVEN_AT', 'Meeting'),
  rel('Talk', 'NAMES', 'Practice', { point: text() }),
  rel('Conclusion', 'CONCERNS', 'Dilemma'),
  rel('Conclusion', 'CALLS_FOR', 'Practice'),
  // Quotations (REFI-QDA import): the interview a segment is cut from, who said it, what it is coded as.
  rel('Quotation', 'QUOTED_FROM', 'Source'),
  rel('Employee', 'SAID', 'Quotation'),
  rel('Quotation', 'CODED_AS', 'Practice'),
  rel('Quotation', 'CODED_AS', 'Dilemma'),
  rel('Quotation', 'CODED_AS', 'Conclusion'),
  rel('Employee', 'INTERVIEWED_IN', 'Source'),
];

/**
 * Provenance any relationship may carry besides its own properties: `locator` (where in its source it is
 * stated, e.g. "alinea 2"), and for a link the source implies rather than states, `inferred: true` with a
 * `note` saying why. Accepted by the document import on every relationship; never required.
 */
export const RELATIONSHIP_PROVENANCE: Record<'locator' | 'inferred' | 'note', PropertySpec> = {
  locator: str(false),
  inferred: { type: 'boolean', required: false },
  note: text(),
};

export const RELATIONSHIP_TYPES: RelType[] = [...new Set<RelType>([...RELATIONSHIP_SPECS.map((r) => r.type), 'SOURCED_FROM'])];

/** The spec of an allowed triple, or undefined when the model does not allow it. */
export function relationshipSpec(from: Label, type: string, to: Label): RelationshipSpec | undefined {
  return RELATIONSHIP_SPECS.find((r) => r.from === from && r.type === type && r.to === to);
}

export const isRelType = (type: string): type is RelType => (RELATIONSHIP_TYPES as string[]).includes(type);
