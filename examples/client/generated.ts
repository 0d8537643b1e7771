/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** Every node type of the graph. */
export type NodeType =
  | 'CASE'
  | 'CONCLUSION'
  | 'DILEMMA'
  | 'EMPLOYEE'
  | 'MEETING'
  | 'MUNICIPALITY'
  | 'ORGANISATION'
  | 'PERSON'
  | 'PRACTICE'
  | 'RESEARCH'
  | 'SOURCE';

/** Mindset, skill, routine or something the organisation must provide. */
export type PracticeKind =
  | 'MINDSET'
  | 'ORGANISATIONAL'
  | 'ROUTINE'
  | 'SKILL';

export type PracticesForDilemmaQueryVariables = Exact<{
  id: string;
}>;


export type PracticesForDilemmaQuery = { dilemma: { id: string, name: string, gloss: string | null, practices: Array<{ id: string, name: string, kind: PracticeKind, sources: Array<{ title: string, synthetic: boolean }> }> } | null };

export type SharedPracticesQueryVariables = Exact<{
  municipalityIds: Array<string> | string;
}>;


export type SharedPracticesQuery = { sharedPractices: Array<{ practice: { id: string, name: string }, support: Array<{ caseCount: number, employeeCount: number, municipality: { name: string } }> }> };

export type ConnectionQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type ConnectionQuery = { shortestPath: { nodes: Array<{ id: string, type: NodeType, label: string, synthetic: boolean }>, edges: Array<{ type: string, source: string, target: string }> } | null };

export type FindQueryVariables = Exact<{
  text: string;
  types?: Array<NodeType> | NodeType | null | undefined;
}>;


export type FindQuery = { search: Array<{ score: number, type: NodeType, label: string, node:
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
     }> };
