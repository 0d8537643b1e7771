/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** One sort key of a Case list; several are applied in the order given, then id. */
export type CaseOrder = {
  /** ASC (the default) or DESC. */
  direction?: OrderDirection;
  /** The field to sort by. */
  field: CaseOrderField;
};

/** What a list can be sorted by (then by id). */
export type CaseOrderField =
  /** By title. */
  | 'TITLE'
  /** By year. */
  | 'YEAR';

/** Filters of `cases`; all given conditions must hold. `nameContains` searches the title. */
export type CaseWhere = {
  /** Cases raising one of these dilemmas. */
  dilemmaIds?: Array<string> | null | undefined;
  /** Cases described by one of these employees. */
  employeeIds?: Array<string> | null | undefined;
  /** Only these ids (exact match). */
  ids?: Array<string> | null | undefined;
  /** Cases in one of these municipalities. */
  municipalityIds?: Array<string> | null | undefined;
  /** The display name (name, title, pseudonym or statement) contains this text, ignoring case and diacritics. */
  nameContains?: string | null | undefined;
  /** Cases applying one of these practices. */
  practiceIds?: Array<string> | null | undefined;
  /** Year at or after. */
  yearFrom?: number | null | undefined;
  /** Year at or before. */
  yearTo?: number | null | undefined;
};

/** A new case. `id` defaults to `case:<slug of title>`. */
export type CreateCaseInput = {
  /** The new node's id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT. */
  id?: string | null | undefined;
  /** The new node's relationships to existing nodes, written with it in one transaction: all or nothing. At most 100; each other end must exist; no link twice. */
  links?: Array<NewLinkInput> | null | undefined;
  /** true: the summary is shown to editors and admins only (null for everyone else). */
  restricted?: boolean | null | undefined;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
  /** What happened; may be marked restricted (then only editors and admins read it). */
  summary?: string | null | undefined;
  /** A short title of the case. */
  title: string;
  /** The year it took place (1800 to 2200). */
  year?: number | null | undefined;
};

/** A new conclusion. `id` defaults to `conclusion:<slug of statement>`; give a shorter one for long statements. */
export type CreateConclusionInput = {
  /** English gloss of the statement. */
  gloss?: string | null | undefined;
  /** The new node's id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT. */
  id?: string | null | undefined;
  /** The new node's relationships to existing nodes, written with it in one transaction: all or nothing. At most 100; each other end must exist; no link twice. */
  links?: Array<NewLinkInput> | null | undefined;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
  /** The conclusion, as drawn. */
  statement: string;
};

/** A new dilemma. `id` defaults to `dilemma:<slug of name>`. */
export type CreateDilemmaInput = {
  /** What the dilemma is. */
  description?: string | null | undefined;
  /** English gloss of the name. */
  gloss?: string | null | undefined;
  /** The new node's id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT. */
  id?: string | null | undefined;
  /** The new node's relationships to existing nodes, written with it in one transaction: all or nothing. At most 100; each other end must exist; no link twice. */
  links?: Array<NewLinkInput> | null | undefined;
  /** The dilemma's name. */
  name: string;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
};

/** A new interviewed employee: a pseudonym only, never a real name. `id` defaults to `employee:<slug of pseudonym>`. */
export type CreateEmployeeInput = {
  /** The department the employee works in. */
  department?: string | null | undefined;
  /** The new node's id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT. */
  id?: string | null | undefined;
  /** The new node's relationships to existing nodes, written with it in one transaction: all or nothing. At most 100; each other end must exist; no link twice. */
  links?: Array<NewLinkInput> | null | undefined;
  /** A pseudonym such as "Anouk V.", never a real name. */
  pseudonym: string;
  /** The employee's job or role. */
  role?: string | null | undefined;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
};

/** A new meeting. `id` defaults to `meeting:<slug of title>`. */
export type CreateMeetingInput = {
  /** ISO date, e.g. 2018-03-14. */
  date: string;
  /** The new node's id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT. */
  id?: string | null | undefined;
  /** What kind of meeting it was. */
  kind: MeetingKind;
  /** The new node's relationships to existing nodes, written with it in one transaction: all or nothing. At most 100; each other end must exist; no link twice. */
  links?: Array<NewLinkInput> | null | undefined;
  /** How many took part, as the source reports. */
  participantCount?: number | null | undefined;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
  /** The meeting's title. */
  title: string;
};

/** A new municipality. `id` defaults to `municipality:<slug of name>`. */
export type CreateMunicipalityInput = {
  /** The new node's id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT. */
  id?: string | null | undefined;
  /** The new node's relationships to existing nodes, written with it in one transaction: all or nothing. At most 100; each other end must exist; no link twice. */
  links?: Array<NewLinkInput> | null | undefined;
  /** The municipality's name. */
  name: string;
  /** The province the municipality lies in. */
  province?: string | null | undefined;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
};

/** A new organisation. `id` defaults to `organisation:<slug of name>`. */
export type CreateOrganisationInput = {
  /** The new node's id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT. */
  id?: string | null | undefined;
  /** What kind of organisation it is. */
  kind: OrganisationKind;
  /** The new node's relationships to existing nodes, written with it in one transaction: all or nothing. At most 100; each other end must exist; no link twice. */
  links?: Array<NewLinkInput> | null | undefined;
  /** The organisation's name. */
  name: string;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
};

/** A new public person named in a source. `id` defaults to `person:<slug of name>`. */
export type CreatePersonInput = {
  /** The new node's id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT. */
  id?: string | null | undefined;
  /** The new node's relationships to existing nodes, written with it in one transaction: all or nothing. At most 100; each other end must exist; no link twice. */
  links?: Array<NewLinkInput> | null | undefined;
  /** The person's name (public people only). */
  name: string;
  /** The person's role or position. */
  role?: string | null | undefined;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
};

/** A new practice. `id` defaults to `practice:<slug of name>`. */
export type CreatePracticeInput = {
  /** What the practice is. */
  description?: string | null | undefined;
  /** English gloss of the name. */
  gloss?: string | null | undefined;
  /** The new node's id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT. */
  id?: string | null | undefined;
  /** Leave out when the source does not say. */
  kind?: PracticeKind | null | undefined;
  /** The new node's relationships to existing nodes, written with it in one transaction: all or nothing. At most 100; each other end must exist; no link twice. */
  links?: Array<NewLinkInput> | null | undefined;
  /** The practice's name. */
  name: string;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
};

/** A new research programme. `id` defaults to `research:<slug of title>`. */
export type CreateResearchInput = {
  /** The new node's id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT. */
  id?: string | null | undefined;
  /** The institution that runs the programme. */
  institution: string;
  /** The new node's relationships to existing nodes, written with it in one transaction: all or nothing. At most 100; each other end must exist; no link twice. */
  links?: Array<NewLinkInput> | null | undefined;
  /** How the research works, in the source's words. */
  method?: string | null | undefined;
  /** The research questions, one string each. */
  questions?: Array<string> | null | undefined;
  /** How many interviewees a source reports (with its qualifier, e.g. "ruim" 50). */
  reportedIntervieweeCount?: number | null | undefined;
  /** Who was interviewed, in the source's words. */
  reportedIntervieweePopulation?: string | null | undefined;
  /** The qualifier the source puts before the reported number, e.g. "ruim" (more than). */
  reportedIntervieweeQualifier?: string | null | undefined;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
  /** The year it started (1800 to 2200). */
  startYear?: number | null | undefined;
  /** The programme's title. */
  title: string;
};

/** A new source. `id` defaults to `source:<slug of title>`. Its own provenance (who registered it, when) goes on a SOURCED_FROM edge like any write. */
export type CreateSourceInput = {
  /** The new node's id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT. */
  id?: string | null | undefined;
  /** What kind of source it is (ILLUSTRATIVE for made-up data). */
  kind: SourceKind;
  /** The new node's relationships to existing nodes, written with it in one transaction: all or nothing. At most 100; each other end must exist; no link twice. */
  links?: Array<NewLinkInput> | null | undefined;
  /** Where the source is (URL, archive reference). */
  locator?: string | null | undefined;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
  /** true for illustrative, made-up data. */
  synthetic: boolean;
  /** The source's title. */
  title: string;
};

/** One sort key of a Employee list; several are applied in the order given, then id. */
export type EmployeeOrder = {
  /** ASC (the default) or DESC. */
  direction?: OrderDirection;
  /** The field to sort by. */
  field: EmployeeOrderField;
};

/** What a list can be sorted by (then by id). */
export type EmployeeOrderField =
  /** By pseudonym. */
  | 'PSEUDONYM'
  /** By role. */
  | 'ROLE';

/** Filters of `employees`; all given conditions must hold. `nameContains` searches the pseudonym. */
export type EmployeeWhere = {
  /** Only these ids (exact match). */
  ids?: Array<string> | null | undefined;
  /** Employees of one of these municipalities. */
  municipalityIds?: Array<string> | null | undefined;
  /** The display name (name, title, pseudonym or statement) contains this text, ignoring case and diacritics. */
  nameContains?: string | null | undefined;
  /** Employees who use one of these practices. */
  practiceIds?: Array<string> | null | undefined;
  /** Employees with one of these roles (exact), e.g. "wijkregisseur". */
  roles?: Array<string> | null | undefined;
};

/** What kind of meeting it was. */
export type MeetingKind =
  /** A session in which interviews were held. */
  | 'INTERVIEW_SESSION'
  /** A learning-circle meeting of the research programme (leerkring). */
  | 'LEARNING_CIRCLE'
  /** A workshop. */
  | 'WORKSHOP';

/** A relationship of the node being created to an existing node: give `to` for (new)-[type]->(to) or `from` for (from)-[type]->(new), not both. Checked like `link` (the model's triples and relationship properties); recorded with the create's source (`sourceId`), who (`by`) and when (`at`). */
export type NewLinkInput = {
  /** The existing node the relationship comes from: (from)-[type]->(new). Give this or `to`. */
  from?: string | null | undefined;
  /** Relationship properties as the model allows them for this type, e.g. USES {evidence, restricted}. */
  properties?: Record<string, unknown> | null | undefined;
  /** The existing node the relationship points to: (new)-[type]->(to). Give this or `from`. */
  to?: string | null | undefined;
  /** The relationship type, e.g. IN or APPLIES: one the model allows between the two node types. */
  type: string;
};

/** Every node type of the graph. */
export type NodeType =
  /** A concrete situation an employee described (`Case`). */
  | 'CASE'
  /** A conclusion drawn at a meeting (`Conclusion`). */
  | 'CONCLUSION'
  /** A dilemma civil servants meet (`Dilemma`). */
  | 'DILEMMA'
  /** An interviewed civil servant, pseudonymous only (`Employee`). */
  | 'EMPLOYEE'
  /** A meeting, such as a learning circle (`Meeting`). */
  | 'MEETING'
  /** A municipality (`Municipality`). */
  | 'MUNICIPALITY'
  /** A university, fund, ministry or association (`Organisation`). */
  | 'ORGANISATION'
  /** A public person named in a source: researcher, speaker (`Person`). */
  | 'PERSON'
  /** A way of working (`Practice`). */
  | 'PRACTICE'
  /** A coded segment of an interview (`Quotation`). */
  | 'QUOTATION'
  /** A research programme (`Research`). */
  | 'RESEARCH'
  /** Where facts come from: a document, interview or report (`Source`). */
  | 'SOURCE'
  /** A talk given at a meeting (`Talk`). */
  | 'TALK';

/** Sort order; ties are always broken by id, ascending. */
export type OrderDirection =
  /** Ascending: A to Z, smallest first. */
  | 'ASC'
  /** Descending: Z to A, largest first. */
  | 'DESC';

/** What kind of organisation it is. */
export type OrganisationKind =
  /** An association, e.g. of municipalities or professionals. */
  | 'ASSOCIATION'
  /** A fund that finances research. */
  | 'FUND'
  /** A government ministry. */
  | 'MINISTRY'
  /** A university or other research institution. */
  | 'UNIVERSITY';

/** Mindset, skill, routine or something the organisation must provide. */
export type PracticeKind =
  /** An attitude or way of looking at the work. */
  | 'MINDSET'
  /** Something the organisation must provide (room, mandate, structure). */
  | 'ORGANISATIONAL'
  /** A habitual way of working. */
  | 'ROUTINE'
  /** Something an employee knows how to do. */
  | 'SKILL';

/** One sort key of a Practice list; several are applied in the order given, then id. */
export type PracticeOrder = {
  /** ASC (the default) or DESC. */
  direction?: OrderDirection;
  /** The field to sort by. */
  field: PracticeOrderField;
};

/** What a list can be sorted by (then by id). */
export type PracticeOrderField =
  /** By kind. */
  | 'KIND'
  /** By name. */
  | 'NAME';

/** Filters of `practices`; all given conditions must hold. */
export type PracticeWhere = {
  /** Practices one of these conclusions calls for. */
  conclusionIds?: Array<string> | null | undefined;
  /** Practices that address one of these dilemmas. */
  dilemmaIds?: Array<string> | null | undefined;
  /** Only these ids (exact match). */
  ids?: Array<string> | null | undefined;
  /** Only these kinds. */
  kinds?: Array<PracticeKind> | null | undefined;
  /** Practices used in one of these municipalities (by its employees or in its cases). Under scope ALL a path through made-up data matches too (`Practice.municipalitiesReached` flags such connections); scope REAL matches along real paths only. */
  municipalityIds?: Array<string> | null | undefined;
  /** The display name (name, title, pseudonym or statement) contains this text, ignoring case and diacritics. */
  nameContains?: string | null | undefined;
};

/** ILLUSTRATIVE sources hold made-up data (synthetic: true). */
export type SourceKind =
  /** A published or internal document. */
  | 'DOCUMENT'
  /** Made-up, illustrative data (always `synthetic: true`): never a research finding. */
  | 'ILLUSTRATIVE'
  /** An interview (its coded quotations are `Quotation`s). */
  | 'INTERVIEW'
  /** The report of a meeting. */
  | 'MEETING_REPORT';

/** Changes to a case: omitted fields stay, null removes an optional one. */
export type UpdateCaseInput = {
  /** true: the summary is shown to editors and admins only. */
  restricted?: boolean | null | undefined;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
  /** What happened; may be marked restricted (then only editors and admins read it). */
  summary?: string | null | undefined;
  /** A short title of the case. */
  title?: string | null | undefined;
  /** The year it took place (1800 to 2200). */
  year?: number | null | undefined;
};

/** Changes to a conclusion: omitted fields stay, null removes an optional one. */
export type UpdateConclusionInput = {
  /** A short explanation of the name, in English. */
  gloss?: string | null | undefined;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
  /** The conclusion, as drawn. */
  statement?: string | null | undefined;
};

/** Changes to a dilemma: omitted fields stay, null removes an optional one. */
export type UpdateDilemmaInput = {
  /** What the dilemma is. */
  description?: string | null | undefined;
  /** A short explanation of the name, in English. */
  gloss?: string | null | undefined;
  /** The dilemma's name. */
  name?: string | null | undefined;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
};

/** Changes to an employee: omitted fields stay, null removes an optional one. */
export type UpdateEmployeeInput = {
  /** The department the employee works in. */
  department?: string | null | undefined;
  /** A pseudonym (never a real name). */
  pseudonym?: string | null | undefined;
  /** The employee's job or role. */
  role?: string | null | undefined;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
};

/** Changes to a meeting: omitted fields stay, null removes an optional one. */
export type UpdateMeetingInput = {
  /** The day of the meeting (YYYY-MM-DD). */
  date?: string | null | undefined;
  /** What kind of meeting it was. */
  kind?: MeetingKind | null | undefined;
  /** How many took part, as the source reports. */
  participantCount?: number | null | undefined;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
  /** The meeting's title. */
  title?: string | null | undefined;
};

/** Changes to a municipality: omitted fields stay, null removes an optional one. */
export type UpdateMunicipalityInput = {
  /** The municipality's name. */
  name?: string | null | undefined;
  /** The province the municipality lies in. */
  province?: string | null | undefined;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
};

/** Changes to an organisation: omitted fields stay. */
export type UpdateOrganisationInput = {
  /** What kind of organisation it is. */
  kind?: OrganisationKind | null | undefined;
  /** The organisation's name. */
  name?: string | null | undefined;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
};

/** Changes to a person: omitted fields stay, null removes an optional one. */
export type UpdatePersonInput = {
  /** The person's name (public people only). */
  name?: string | null | undefined;
  /** The person's role or position. */
  role?: string | null | undefined;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
};

/** Changes to a practice: omitted fields stay, null removes an optional one. */
export type UpdatePracticeInput = {
  /** What the practice is. */
  description?: string | null | undefined;
  /** A short explanation of the name, in English. */
  gloss?: string | null | undefined;
  /** Mindset, skill, routine or organisational. */
  kind?: PracticeKind | null | undefined;
  /** The practice's name. */
  name?: string | null | undefined;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
};

/** Changes to a research programme: omitted fields stay, null removes an optional one. */
export type UpdateResearchInput = {
  /** The institution that runs the programme. */
  institution?: string | null | undefined;
  /** How the research works, in the source's words. */
  method?: string | null | undefined;
  /** The research questions, one string each. */
  questions?: Array<string> | null | undefined;
  /** How many interviewees a source reports (with its qualifier, e.g. "ruim" 50). */
  reportedIntervieweeCount?: number | null | undefined;
  /** Who was interviewed, in the source's words. */
  reportedIntervieweePopulation?: string | null | undefined;
  /** The qualifier the source puts before the reported number, e.g. "ruim" (more than). */
  reportedIntervieweeQualifier?: string | null | undefined;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
  /** The year it started (1800 to 2200). */
  startYear?: number | null | undefined;
  /** The programme's title. */
  title?: string | null | undefined;
};

/** Changes to a source: omitted fields stay, null removes an optional one. */
export type UpdateSourceInput = {
  /** What kind of source it is (ILLUSTRATIVE for made-up data). */
  kind?: SourceKind | null | undefined;
  /** Where the source can be found (URL, archive reference, file). */
  locator?: string | null | undefined;
  /** The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input). */
  sourceId?: string | null | undefined;
  /** Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge. */
  sourceLocator?: string | null | undefined;
  /** Whether the source holds made-up, illustrative data (its nodes are then marked synthetic). */
  synthetic?: boolean | null | undefined;
  /** The source's title. */
  title?: string | null | undefined;
};

export type SubgraphPartsFragment = { truncated: boolean, nodes: Array<{ id: string, type: NodeType, label: string, properties: Record<string, unknown>, synthetic: boolean, sources: Array<{ id: string, synthetic: boolean }> }>, edges: Array<{ id: string, type: string, source: string, target: string, properties: Record<string, unknown> }> };

export type NeighbourhoodQueryVariables = Exact<{
  id: string;
  depth?: number | null | undefined;
  limit?: number | null | undefined;
  types?: Array<NodeType> | NodeType | null | undefined;
  relationshipTypes?: Array<string> | string | null | undefined;
}>;


export type NeighbourhoodQuery = { neighbourhood: { truncated: boolean, nodes: Array<{ id: string, type: NodeType, label: string, properties: Record<string, unknown>, synthetic: boolean, sources: Array<{ id: string, synthetic: boolean }> }>, edges: Array<{ id: string, type: string, source: string, target: string, properties: Record<string, unknown> }> } };

export type ShortestPathQueryVariables = Exact<{
  from: string;
  to: string;
  maxDepth?: number | null | undefined;
  includeSources?: boolean | null | undefined;
}>;


export type ShortestPathQuery = { shortestPath: { truncated: boolean, nodes: Array<{ id: string, type: NodeType, label: string, properties: Record<string, unknown>, synthetic: boolean, sources: Array<{ id: string, synthetic: boolean }> }>, edges: Array<{ id: string, type: string, source: string, target: string, properties: Record<string, unknown> }> } | null };

export type AllShortestPathsQueryVariables = Exact<{
  from: string;
  to: string;
  maxDepth?: number | null | undefined;
  limit?: number | null | undefined;
  includeSources?: boolean | null | undefined;
}>;


export type AllShortestPathsQuery = { allShortestPaths: Array<{ nodes: Array<{ id: string }>, edges: Array<{ id: string, source: string, target: string, type: string }> }> };

export type SharedPracticesQueryVariables = Exact<{
  municipalityIds: Array<string> | string;
}>;


export type SharedPracticesQuery = { sharedPractices: Array<{ practice: { id: string, name: string }, support: Array<{ caseCount: number, employeeCount: number, municipality: { id: string, name: string } }> }> };

export type SimilarMunicipalitiesQueryVariables = Exact<{
  id: string;
  limit?: number | null | undefined;
}>;


export type SimilarMunicipalitiesQuery = { similarMunicipalities: Array<{ score: number, municipality: { id: string, name: string }, shared: Array<{ id: string, name: string }> }> };

export type CooccurrenceQueryVariables = Exact<{
  rows: NodeType;
  columns: NodeType;
  municipalityIds?: Array<string> | string | null | undefined;
}>;


export type CooccurrenceQuery = { cooccurrence: { rowLabels: Array<string>, columnLabels: Array<string>, counts: Array<Array<number>>, coefficients: Array<Array<number>>, rows: Array<
      | { __typename: 'Case', id: string }
      | { __typename: 'Conclusion', id: string }
      | { __typename: 'Dilemma', id: string }
      | { __typename: 'Employee', id: string }
      | { __typename: 'Meeting', id: string }
      | { __typename: 'Municipality', id: string }
      | { __typename: 'Organisation', id: string }
      | { __typename: 'Person', id: string }
      | { __typename: 'Practice', id: string }
      | { __typename: 'Quotation', id: string }
      | { __typename: 'Research', id: string }
      | { __typename: 'Source', id: string }
      | { __typename: 'Talk', id: string }
    >, columns: Array<
      | { __typename: 'Case', id: string }
      | { __typename: 'Conclusion', id: string }
      | { __typename: 'Dilemma', id: string }
      | { __typename: 'Employee', id: string }
      | { __typename: 'Meeting', id: string }
      | { __typename: 'Municipality', id: string }
      | { __typename: 'Organisation', id: string }
      | { __typename: 'Person', id: string }
      | { __typename: 'Practice', id: string }
      | { __typename: 'Quotation', id: string }
      | { __typename: 'Research', id: string }
      | { __typename: 'Source', id: string }
      | { __typename: 'Talk', id: string }
    > } };

export type SearchQueryVariables = Exact<{
  query: string;
  types?: Array<NodeType> | NodeType | null | undefined;
  first?: number | null | undefined;
}>;


export type SearchQuery = { search: Array<{ score: number, type: NodeType, label: string, node:
      | { __typename: 'Case', summary: string | null, id: string }
      | { __typename: 'Conclusion', id: string }
      | { __typename: 'Dilemma', id: string }
      | { __typename: 'Employee', id: string }
      | { __typename: 'Meeting', id: string }
      | { __typename: 'Municipality', id: string }
      | { __typename: 'Organisation', id: string }
      | { __typename: 'Person', id: string }
      | { __typename: 'Practice', id: string }
      | { __typename: 'Quotation', id: string }
      | { __typename: 'Research', id: string }
      | { __typename: 'Source', id: string }
      | { __typename: 'Talk', id: string }
     }> };

export type StatsQueryVariables = Exact<{
  top?: number | null | undefined;
}>;


export type StatsQuery = { stats: { nodeCount: number, relationshipCount: number, byLabel: Array<{ label: string, count: number }>, byType: Array<{ type: string, count: number }>, topPractices: Array<{ degree: number, practice: { id: string, name: string } }> } };

export type ResearchFactsQueryVariables = Exact<{
  id: string;
}>;


export type ResearchFactsQuery = { research: { id: string, title: string, institution: string, startYear: number | null, ledBy: Array<{ id: string, name: string, kind: OrganisationKind }>, fundedBy: Array<{ id: string, name: string, kind: OrganisationKind }>, partners: Array<{ id: string, name: string, province: string | null }>, researchers: Array<{ lead: boolean | null, person: { id: string, name: string, role: string | null, organisations: Array<{ id: string }> } }>, meetings: Array<{ id: string }>, sources: Array<{ id: string, kind: SourceKind, synthetic: boolean }> } | null };

export type MeetingFactsQueryVariables = Exact<{
  id: string;
}>;


export type MeetingFactsQuery = { meeting: { id: string, title: string, date: string, participantCount: number | null, kind: MeetingKind, research: { id: string } | null, speakers: Array<{ role: string | null, person: { id: string, name: string, role: string | null, municipalities: Array<{ id: string }>, organisations: Array<{ id: string }> } }>, dilemmas: Array<{ id: string, name: string }>, conclusions: Array<{ id: string, statement: string, dilemmas: Array<{ id: string }>, practices: Array<{ id: string, name: string }> }>, provenance: Array<{ locator: string | null, source: { id: string, kind: SourceKind, synthetic: boolean } }> } | null };

export type PracticesOfDilemmaQueryVariables = Exact<{
  id: string;
}>;


export type PracticesOfDilemmaQuery = { dilemma: { id: string, name: string, practices: Array<{ id: string, name: string, kind: PracticeKind | null }>, conclusions: Array<{ id: string }>, cases: { totalCount: number, edges: Array<{ node: { id: string } }> } } | null };

export type PracticePageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  where?: PracticeWhere | null | undefined;
  orderBy?: Array<PracticeOrder> | PracticeOrder | null | undefined;
}>;


export type PracticePageQuery = { practices: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, kind: PracticeKind | null } }> } };

export type EmployeePageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  where?: EmployeeWhere | null | undefined;
  orderBy?: Array<EmployeeOrder> | EmployeeOrder | null | undefined;
}>;


export type EmployeePageQuery = { employees: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, pseudonym: string, role: string | null, municipality: { id: string } | null } }> } };

export type CasePageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  where?: CaseWhere | null | undefined;
  orderBy?: Array<CaseOrder> | CaseOrder | null | undefined;
}>;


export type CasePageQuery = { cases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, year: number | null, municipality: { id: string } | null } }> } };

export type NodeByIdQueryVariables = Exact<{
  id: string;
}>;


export type NodeByIdQuery = { node:
    | { __typename: 'Case', id: string }
    | { __typename: 'Conclusion', id: string }
    | { __typename: 'Dilemma', id: string }
    | { __typename: 'Employee', id: string }
    | { __typename: 'Meeting', id: string }
    | { __typename: 'Municipality', id: string }
    | { __typename: 'Organisation', id: string }
    | { __typename: 'Person', id: string }
    | { __typename: 'Practice', id: string }
    | { __typename: 'Quotation', id: string }
    | { __typename: 'Research', id: string }
    | { __typename: 'Source', id: string }
    | { __typename: 'Talk', id: string }
   | null };

export type MunicipalityTreeQueryVariables = Exact<{ [key: string]: never; }>;


export type MunicipalityTreeQuery = { municipalities: { totalCount: number, edges: Array<{ node: { id: string, name: string, employees: { totalCount: number, edges: Array<{ node: { id: string, pseudonym: string, practiceUses: Array<{ evidence: string | null, practice: { id: string, name: string, dilemmas: Array<{ id: string }> } }> } }> } } }> } };

export type MunicipalityPracticesQueryVariables = Exact<{
  ids?: Array<string> | string | null | undefined;
}>;


export type MunicipalityPracticesQuery = { municipalities: { edges: Array<{ node: { id: string, practices: Array<{ id: string }>, dilemmas: Array<{ id: string }>, research: Array<{ id: string }>, people: Array<{ id: string }> } }> } };

export type ListsByNameQueryVariables = Exact<{
  needle: string;
}>;


export type ListsByNameQuery = { municipalities: { totalCount: number, edges: Array<{ node: { id: string } }> }, practices: { totalCount: number, edges: Array<{ node: { id: string } }> }, people: { totalCount: number, edges: Array<{ node: { id: string } }> }, organisations: { totalCount: number, edges: Array<{ node: { id: string } }> }, conclusions: { totalCount: number, edges: Array<{ node: { id: string } }> } };

export type SourcesBySyntheticQueryVariables = Exact<{
  synthetic?: boolean | null | undefined;
}>;


export type SourcesBySyntheticQuery = { sources: { totalCount: number, edges: Array<{ node: { id: string, kind: SourceKind, synthetic: boolean } }> } };

export type EmployeeDetailQueryVariables = Exact<{
  id: string;
}>;


export type EmployeeDetailQuery = { employee: { id: string, pseudonym: string, municipality: { id: string } | null, research: Array<{ id: string }>, practices: Array<{ id: string }>, practiceUses: Array<{ evidence: string | null, practice: { id: string }, employee: { id: string } }>, cases: Array<{ id: string, municipality: { id: string } | null, employees: Array<{ id: string }>, practices: Array<{ id: string }>, dilemmas: Array<{ id: string }> }>, sources: Array<{ id: string, kind: SourceKind, synthetic: boolean }> } | null };

export type MeetingsBetweenQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type MeetingsBetweenQuery = { meetings: { totalCount: number, edges: Array<{ node: { id: string, date: string } }> } };

export type CreateResearchMutationVariables = Exact<{
  input: CreateResearchInput;
}>;


export type CreateResearchMutation = { createResearch: { id: string, title: string, institution: string, startYear: number | null, provenance: Array<{ locator: string | null, source: { id: string } }> } };

export type UpdateResearchMutationVariables = Exact<{
  id: string;
  input: UpdateResearchInput;
}>;


export type UpdateResearchMutation = { updateResearch: { id: string, title: string, institution: string, startYear: number | null } };

export type CreateOrganisationMutationVariables = Exact<{
  input: CreateOrganisationInput;
}>;


export type CreateOrganisationMutation = { createOrganisation: { id: string, name: string, kind: OrganisationKind, provenance: Array<{ locator: string | null, source: { id: string } }> } };

export type UpdateOrganisationMutationVariables = Exact<{
  id: string;
  input: UpdateOrganisationInput;
}>;


export type UpdateOrganisationMutation = { updateOrganisation: { id: string, name: string, kind: OrganisationKind } };

export type CreatePersonMutationVariables = Exact<{
  input: CreatePersonInput;
}>;


export type CreatePersonMutation = { createPerson: { id: string, name: string, role: string | null, provenance: Array<{ locator: string | null, source: { id: string } }> } };

export type UpdatePersonMutationVariables = Exact<{
  id: string;
  input: UpdatePersonInput;
}>;


export type UpdatePersonMutation = { updatePerson: { id: string, name: string, role: string | null } };

export type CreateMunicipalityMutationVariables = Exact<{
  input: CreateMunicipalityInput;
}>;


export type CreateMunicipalityMutation = { createMunicipality: { id: string, name: string, province: string | null, provenance: Array<{ locator: string | null, source: { id: string } }> } };

export type UpdateMunicipalityMutationVariables = Exact<{
  id: string;
  input: UpdateMunicipalityInput;
}>;


export type UpdateMunicipalityMutation = { updateMunicipality: { id: string, name: string, province: string | null } };

export type CreateEmployeeMutationVariables = Exact<{
  input: CreateEmployeeInput;
}>;


export type CreateEmployeeMutation = { createEmployee: { id: string, pseudonym: string, role: string | null, department: string | null, provenance: Array<{ locator: string | null, source: { id: string } }> } };

export type UpdateEmployeeMutationVariables = Exact<{
  id: string;
  input: UpdateEmployeeInput;
}>;


export type UpdateEmployeeMutation = { updateEmployee: { id: string, pseudonym: string, role: string | null, department: string | null } };

export type CreatePracticeMutationVariables = Exact<{
  input: CreatePracticeInput;
}>;


export type CreatePracticeMutation = { createPractice: { id: string, name: string, description: string | null, kind: PracticeKind | null, gloss: string | null, provenance: Array<{ locator: string | null, source: { id: string } }> } };

export type UpdatePracticeMutationVariables = Exact<{
  id: string;
  input: UpdatePracticeInput;
}>;


export type UpdatePracticeMutation = { updatePractice: { id: string, name: string, description: string | null, kind: PracticeKind | null, gloss: string | null, provenance: Array<{ locator: string | null, source: { id: string } }> } };

export type CreateDilemmaMutationVariables = Exact<{
  input: CreateDilemmaInput;
}>;


export type CreateDilemmaMutation = { createDilemma: { id: string, name: string, description: string | null, gloss: string | null, provenance: Array<{ locator: string | null, source: { id: string } }> } };

export type UpdateDilemmaMutationVariables = Exact<{
  id: string;
  input: UpdateDilemmaInput;
}>;


export type UpdateDilemmaMutation = { updateDilemma: { id: string, name: string, description: string | null, gloss: string | null } };

export type CreateConclusionMutationVariables = Exact<{
  input: CreateConclusionInput;
}>;


export type CreateConclusionMutation = { createConclusion: { id: string, statement: string, gloss: string | null, provenance: Array<{ locator: string | null, source: { id: string } }> } };

export type UpdateConclusionMutationVariables = Exact<{
  id: string;
  input: UpdateConclusionInput;
}>;


export type UpdateConclusionMutation = { updateConclusion: { id: string, statement: string, gloss: string | null } };

export type CreateMeetingMutationVariables = Exact<{
  input: CreateMeetingInput;
}>;


export type CreateMeetingMutation = { createMeeting: { id: string, title: string, date: string, participantCount: number | null, kind: MeetingKind, provenance: Array<{ locator: string | null, source: { id: string } }> } };

export type UpdateMeetingMutationVariables = Exact<{
  id: string;
  input: UpdateMeetingInput;
}>;


export type UpdateMeetingMutation = { updateMeeting: { id: string, title: string, date: string, participantCount: number | null, kind: MeetingKind } };

export type CreateCaseMutationVariables = Exact<{
  input: CreateCaseInput;
}>;


export type CreateCaseMutation = { createCase: { id: string, title: string, summary: string | null, year: number | null, restricted: boolean, provenance: Array<{ locator: string | null, source: { id: string } }> } };

export type CreateCaseWithLinksMutationVariables = Exact<{
  input: CreateCaseInput;
}>;


export type CreateCaseWithLinksMutation = { createCase: { id: string, title: string, year: number | null, synthetic: boolean, municipality: { id: string } | null, practices: Array<{ id: string }>, employees: Array<{ id: string }> } };

export type UpdateCaseMutationVariables = Exact<{
  id: string;
  input: UpdateCaseInput;
}>;


export type UpdateCaseMutation = { updateCase: { id: string, title: string, summary: string | null, year: number | null, restricted: boolean } };

export type CreateSourceMutationVariables = Exact<{
  input: CreateSourceInput;
}>;


export type CreateSourceMutation = { createSource: { id: string, title: string, kind: SourceKind, locator: string | null, synthetic: boolean } };

export type UpdateSourceMutationVariables = Exact<{
  id: string;
  input: UpdateSourceInput;
}>;


export type UpdateSourceMutation = { updateSource: { id: string, title: string, kind: SourceKind, locator: string | null, synthetic: boolean } };

export type DeleteNodeMutationVariables = Exact<{
  id: string;
}>;


export type DeleteNodeMutation = { deleteNode: boolean };

export type LinkMutationVariables = Exact<{
  from: string;
  type: string;
  to: string;
  properties?: Record<string, unknown> | null | undefined;
  sourceId?: string | null | undefined;
}>;


export type LinkMutation = { link: { id: string, type: string, source: string, target: string, properties: Record<string, unknown> } };

export type UnlinkMutationVariables = Exact<{
  from: string;
  type: string;
  to: string;
}>;


export type UnlinkMutation = { unlink: boolean };

export type ImportGraphMutationVariables = Exact<{
  document: Record<string, unknown>;
  dryRun?: boolean | null | undefined;
}>;


export type ImportGraphMutation = { importGraph: { dryRun: boolean, sourceId: string | null, nodes: { created: number, updated: number, unchanged: number }, relationships: { created: number, updated: number, unchanged: number }, byLabel: Array<{ label: string, created: number, updated: number, unchanged: number }>, byType: Array<{ type: string, created: number, updated: number, unchanged: number }> } };

export type ImportCsvMutationVariables = Exact<{
  nodes: string;
  edges?: string | null | undefined;
  dryRun?: boolean | null | undefined;
}>;


export type ImportCsvMutation = { importCsv: { dryRun: boolean, sourceId: string | null, nodes: { created: number, updated: number, unchanged: number }, relationships: { created: number, updated: number, unchanged: number }, byLabel: Array<{ label: string, created: number, updated: number, unchanged: number }>, byType: Array<{ type: string, created: number, updated: number, unchanged: number }> } };

export type RestrictedCaseQueryVariables = Exact<{
  id: string;
}>;


export type RestrictedCaseQuery = { case: { id: string, title: string, summary: string | null, restricted: boolean } | null };

export type RestrictedUsesQueryVariables = Exact<{
  employee: string;
  practice: string;
}>;


export type RestrictedUsesQuery = { employee: { id: string, practiceUses: Array<{ evidence: string | null, practice: { id: string } }> } | null, practice: { id: string, usedBy: Array<{ evidence: string | null, employee: { id: string } }> } | null };

export type NodeProvenanceQueryVariables = Exact<{
  id: string;
}>;


export type NodeProvenanceQuery = { node:
    | { __typename: 'Case', title: string, id: string, sources: Array<{ id: string }> }
    | { __typename: 'Conclusion', id: string }
    | { __typename: 'Dilemma', id: string }
    | { __typename: 'Employee', pseudonym: string, id: string, sources: Array<{ id: string }>, practices: Array<{ id: string }> }
    | { __typename: 'Meeting', id: string }
    | { __typename: 'Municipality', id: string }
    | { __typename: 'Organisation', id: string }
    | { __typename: 'Person', id: string }
    | { __typename: 'Practice', name: string, id: string, sources: Array<{ id: string }>, provenance: Array<{ locator: string | null, source: { id: string, title: string, kind: SourceKind, synthetic: boolean } }> }
    | { __typename: 'Quotation', id: string }
    | { __typename: 'Research', id: string }
    | { __typename: 'Source', id: string }
    | { __typename: 'Talk', id: string }
   | null };
