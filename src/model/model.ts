/**
 * The graph model: labels, their properties and the allowed (source label, relationship, target label)
 * triples. It is the allow-list every dynamic part of a Cypher statement is taken from (labels, types,
 * property names), and what the seed, the bulk import and `link` validate against.
 */

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
  | 'Source';

export type PropertyType = 'string' | 'integer' | 'boolean' | 'date' | 'enum';

export interface PropertySpec {
  type: PropertyType;
  required: boolean;
  /** Allowed values of an enum property. */
  values?: readonly string[];
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
const int = (required = true): PropertySpec => ({ type: 'integer', required });
const enumOf = (values: Record<string, string>, required = true): PropertySpec => ({ type: 'enum', required, values: Object.values(values) });

export const NODE_SPECS: Record<NodeType, NodeSpec> = {
  [NodeType.RESEARCH]: {
    type: NodeType.RESEARCH, label: 'Research', idPrefix: 'research', display: 'title',
    properties: { title: str(), institution: str(), startYear: int(false) },
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
    properties: { name: str(), description: str(false), kind: enumOf(PracticeKind), gloss: str(false) },
  },
  [NodeType.DILEMMA]: {
    type: NodeType.DILEMMA, label: 'Dilemma', idPrefix: 'dilemma', display: 'name',
    properties: { name: str(), description: str(false), gloss: str(false) },
  },
  [NodeType.CONCLUSION]: {
    type: NodeType.CONCLUSION, label: 'Conclusion', idPrefix: 'conclusion', display: 'statement',
    properties: { statement: str(), gloss: str(false) },
  },
  [NodeType.MEETING]: {
    type: NodeType.MEETING, label: 'Meeting', idPrefix: 'meeting', display: 'title',
    properties: { title: str(), date: { type: 'date', required: true }, participantCount: int(false), kind: enumOf(MeetingKind) },
  },
  [NodeType.CASE]: {
    type: NodeType.CASE, label: 'Case', idPrefix: 'case', display: 'title',
    properties: { title: str(), summary: str(false), year: int(false), restricted: { type: 'boolean', required: false } },
  },
  [NodeType.SOURCE]: {
    type: NodeType.SOURCE, label: 'Source', idPrefix: 'source', display: 'title',
    properties: { title: str(), kind: enumOf(SourceKind), locator: str(false), synthetic: { type: 'boolean', required: true } },
  },
};

export const NODE_TYPES = Object.values(NodeType);
export const LABELS: Label[] = NODE_TYPES.map((type) => NODE_SPECS[type].label);

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
  | 'DISCUSSED' | 'CONCLUDED' | 'SPOKE_AT' | 'CONCERNS' | 'CALLS_FOR' | 'SOURCED_FROM';

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
  rel('Research', 'PARTNERS_WITH', 'Municipality'),
  rel('Person', 'RESEARCHES', 'Research', { lead: { type: 'boolean', required: false } }),
  rel('Person', 'AFFILIATED_WITH', 'Organisation'),
  rel('Person', 'AFFILIATED_WITH', 'Municipality'),
  rel('Employee', 'WORKS_AT', 'Municipality'),
  rel('Employee', 'INTERVIEWED_FOR', 'Research'),
  rel('Employee', 'USES', 'Practice', { evidence: str(false), restricted: { type: 'boolean', required: false } }),
  rel('Employee', 'DESCRIBED', 'Case'),
  rel('Case', 'IN', 'Municipality'),
  rel('Case', 'APPLIES', 'Practice'),
  rel('Case', 'RAISES', 'Dilemma'),
  rel('Practice', 'ADDRESSES', 'Dilemma'),
  rel('Meeting', 'PART_OF', 'Research'),
  rel('Meeting', 'DISCUSSED', 'Dilemma'),
  rel('Meeting', 'CONCLUDED', 'Conclusion'),
  rel('Person', 'SPOKE_AT', 'Meeting', { role: str(false) }),
  rel('Conclusion', 'CONCERNS', 'Dilemma'),
  rel('Conclusion', 'CALLS_FOR', 'Practice'),
];

export const RELATIONSHIP_TYPES: RelType[] = [...new Set<RelType>([...RELATIONSHIP_SPECS.map((r) => r.type), 'SOURCED_FROM'])];

/** The spec of an allowed triple, or undefined when the model does not allow it. */
export function relationshipSpec(from: Label, type: string, to: Label): RelationshipSpec | undefined {
  return RELATIONSHIP_SPECS.find((r) => r.from === from && r.type === type && r.to === to);
}

export const isRelType = (type: string): type is RelType => (RELATIONSHIP_TYPES as string[]).includes(type);
