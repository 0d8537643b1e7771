/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
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

export type PracticesForDilemmaQueryVariables = Exact<{
  id: string;
}>;


export type PracticesForDilemmaQuery = { dilemma: { id: string, name: string, gloss: string | null, practices: Array<{ id: string, name: string, kind: PracticeKind | null, sources: Array<{ title: string, synthetic: boolean }> }> } | null };

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
      | { id: string }
      | { id: string }
     }> };
