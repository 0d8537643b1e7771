/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type CaseOrder = {
  direction?: OrderDirection;
  field: CaseOrderField;
};

export type CaseOrderField =
  | 'TITLE'
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

export type EmployeeOrder = {
  direction?: OrderDirection;
  field: EmployeeOrderField;
};

export type EmployeeOrderField =
  | 'PSEUDONYM'
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

export type MeetingKind =
  | 'INTERVIEW_SESSION'
  | 'LEARNING_CIRCLE'
  | 'WORKSHOP';

export type OrderDirection =
  | 'ASC'
  | 'DESC';

export type OrganisationKind =
  | 'ASSOCIATION'
  | 'FUND'
  | 'MINISTRY'
  | 'UNIVERSITY';

/** Mindset, skill, routine or something the organisation must provide. */
export type PracticeKind =
  | 'MINDSET'
  | 'ORGANISATIONAL'
  | 'ROUTINE'
  | 'SKILL';

export type PracticeOrder = {
  direction?: OrderDirection;
  field: PracticeOrderField;
};

export type PracticeOrderField =
  | 'KIND'
  | 'NAME';

/** Filters of `practices`; all given conditions must hold. */
export type PracticeWhere = {
  /** Practices one of these conclusions calls for. */
  conclusionIds?: Array<string> | null | undefined;
  /** Practices that address one of these dilemmas. */
  dilemmaIds?: Array<string> | null | undefined;
  /** Only these ids (exact match). */
  ids?: Array<string> | null | undefined;
  kinds?: Array<PracticeKind> | null | undefined;
  /** Practices used in one of these municipalities (by its employees or in its cases). */
  municipalityIds?: Array<string> | null | undefined;
  /** The display name (name, title, pseudonym or statement) contains this text, ignoring case and diacritics. */
  nameContains?: string | null | undefined;
};

/** ILLUSTRATIVE sources hold made-up data (synthetic: true). */
export type SourceKind =
  | 'DOCUMENT'
  | 'ILLUSTRATIVE'
  | 'INTERVIEW'
  | 'MEETING_REPORT';

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


export type PracticesOfDilemmaQuery = { dilemma: { id: string, name: string, practices: Array<{ id: string, name: string, kind: PracticeKind }>, conclusions: Array<{ id: string }>, cases: { totalCount: number, edges: Array<{ node: { id: string } }> } } | null };

export type PracticePageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  where?: PracticeWhere | null | undefined;
  orderBy?: Array<PracticeOrder> | PracticeOrder | null | undefined;
}>;


export type PracticePageQuery = { practices: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, kind: PracticeKind } }> } };

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
    | { __typename: 'Research', id: string }
    | { __typename: 'Source', id: string }
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
