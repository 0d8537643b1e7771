import { FULLTEXT_INDEX } from '../../src/db/fulltext.js';
import type { CypherStatements } from './cypher.js';

/**
 * Type definitions for @neo4j/graphql 7 equivalent to our schema (DESIGN.md): the same 11 node types,
 * properties and direct relationships, on the same labels and relationship types. Our derived relation
 * fields (e.g. `Municipality.practices` through employees and cases) and provenance fields are left out:
 * no workload reads them. The relationships a write workload makes from a Case carry `Provenance`: the writes
 * record what ours record. The analytics that @neo4j/graphql has no built-in equivalent for
 * (neighbourhood, co-occurrence, cross-type full-text search) are `@cypher` fields on Query whose
 * statements are the same Cypher the raw-Cypher client runs (bench/src/workloads.ts), so both compute
 * the same answer the same way.
 */
export function neo4jGraphqlTypeDefs(cypher: CypherStatements): string {
  return /* GraphQL */ `
  enum OrganisationKind { UNIVERSITY FUND MINISTRY ASSOCIATION }
  enum PracticeKind { MINDSET SKILL ROUTINE ORGANISATIONAL }
  enum MeetingKind { LEARNING_CIRCLE WORKSHOP INTERVIEW_SESSION }
  enum SourceKind { DOCUMENT INTERVIEW MEETING_REPORT ILLUSTRATIVE }

  type Research @node {
    id: ID!
    title: String!
    institution: String!
    startYear: Int
    ledBy: [Organisation!]! @relationship(type: "LED_BY", direction: OUT)
    fundedBy: [Organisation!]! @relationship(type: "FUNDED_BY", direction: OUT)
    partners: [Municipality!]! @relationship(type: "PARTNERS_WITH", direction: OUT)
    meetings: [Meeting!]! @relationship(type: "PART_OF", direction: IN)
    employees: [Employee!]! @relationship(type: "INTERVIEWED_FOR", direction: IN)
    sources: [Source!]! @relationship(type: "SOURCED_FROM", direction: OUT)
  }
  type Organisation @node {
    id: ID!
    name: String!
    kind: OrganisationKind!
    people: [Person!]! @relationship(type: "AFFILIATED_WITH", direction: IN)
    sources: [Source!]! @relationship(type: "SOURCED_FROM", direction: OUT)
  }
  type Person @node {
    id: ID!
    name: String!
    role: String
    organisations: [Organisation!]! @relationship(type: "AFFILIATED_WITH", direction: OUT)
    municipalities: [Municipality!]! @relationship(type: "AFFILIATED_WITH", direction: OUT)
    talks: [Meeting!]! @relationship(type: "SPOKE_AT", direction: OUT)
    sources: [Source!]! @relationship(type: "SOURCED_FROM", direction: OUT)
  }
  type Municipality @node {
    id: ID!
    name: String!
    searchKey: String
    province: String
    employees: [Employee!]! @relationship(type: "WORKS_AT", direction: IN)
    cases: [Case!]! @relationship(type: "IN", direction: IN)
    research: [Research!]! @relationship(type: "PARTNERS_WITH", direction: IN)
    people: [Person!]! @relationship(type: "AFFILIATED_WITH", direction: IN)
    sources: [Source!]! @relationship(type: "SOURCED_FROM", direction: OUT)
  }
  type Employee @node {
    id: ID!
    pseudonym: String!
    searchKey: String
    role: String
    department: String
    municipality: [Municipality!]! @relationship(type: "WORKS_AT", direction: OUT)
    research: [Research!]! @relationship(type: "INTERVIEWED_FOR", direction: OUT)
    practices: [Practice!]! @relationship(type: "USES", direction: OUT)
    cases: [Case!]! @relationship(type: "DESCRIBED", direction: OUT)
    sources: [Source!]! @relationship(type: "SOURCED_FROM", direction: OUT)
  }
  type Practice @node {
    id: ID!
    name: String!
    searchKey: String
    description: String
    kind: PracticeKind!
    gloss: String
    dilemmas: [Dilemma!]! @relationship(type: "ADDRESSES", direction: OUT)
    usedBy: [Employee!]! @relationship(type: "USES", direction: IN)
    cases: [Case!]! @relationship(type: "APPLIES", direction: IN)
    conclusions: [Conclusion!]! @relationship(type: "CALLS_FOR", direction: IN)
    sources: [Source!]! @relationship(type: "SOURCED_FROM", direction: OUT)
  }
  type Dilemma @node {
    id: ID!
    name: String!
    description: String
    gloss: String
    practices: [Practice!]! @relationship(type: "ADDRESSES", direction: IN)
    cases: [Case!]! @relationship(type: "RAISES", direction: IN)
    conclusions: [Conclusion!]! @relationship(type: "CONCERNS", direction: IN)
    meetings: [Meeting!]! @relationship(type: "DISCUSSED", direction: IN)
    sources: [Source!]! @relationship(type: "SOURCED_FROM", direction: OUT)
  }
  type Conclusion @node {
    id: ID!
    statement: String!
    gloss: String
    dilemmas: [Dilemma!]! @relationship(type: "CONCERNS", direction: OUT)
    practices: [Practice!]! @relationship(type: "CALLS_FOR", direction: OUT)
    meetings: [Meeting!]! @relationship(type: "CONCLUDED", direction: IN)
    sources: [Source!]! @relationship(type: "SOURCED_FROM", direction: OUT)
  }
  type Meeting @node {
    id: ID!
    title: String!
    date: Date!
    participantCount: Int
    kind: MeetingKind!
    research: [Research!]! @relationship(type: "PART_OF", direction: OUT)
    dilemmas: [Dilemma!]! @relationship(type: "DISCUSSED", direction: OUT)
    conclusions: [Conclusion!]! @relationship(type: "CONCLUDED", direction: OUT)
    speakers: [Person!]! @relationship(type: "SPOKE_AT", direction: IN)
    sources: [Source!]! @relationship(type: "SOURCED_FROM", direction: OUT)
  }
  # The full-text index our migrations create (every label; name, title, … summary): Case's own
  # @fulltext query runs on it, restricted to Case by the library.
  type Case @node @fulltext(indexes: [{ indexName: "${FULLTEXT_INDEX}", queryName: "casesFulltext", fields: ["title", "summary"] }]) {
    id: ID!
    title: String!
    searchKey: String
    summary: String
    year: Int
    synthetic: Boolean
    municipality: [Municipality!]! @relationship(type: "IN", direction: OUT, properties: "Provenance")
    employees: [Employee!]! @relationship(type: "DESCRIBED", direction: IN)
    practices: [Practice!]! @relationship(type: "APPLIES", direction: OUT, properties: "Provenance")
    dilemmas: [Dilemma!]! @relationship(type: "RAISES", direction: OUT)
    sources: [Source!]! @relationship(type: "SOURCED_FROM", direction: OUT, properties: "Provenance")
  }
  # What every relationship a write makes records (as ours and the raw statements record it): its source, who,
  # when and whether it is made up. The write workloads connect with it. (\`at\` comes with the request: the
  # library's @timestamp left it unset on connected relationships.)
  type Provenance @relationshipProperties {
    sourceId: String
    by: String
    at: DateTime
    synthetic: Boolean
  }
  type Source @node {
    id: ID!
    title: String!
    kind: SourceKind!
    locator: String
    synthetic: Boolean!
  }

  type GraphNode { id: ID! type: String! label: String! }
  type PathNode { id: ID! label: String! }
  type Path { nodes: [PathNode!]! edges: [GraphEdge!]! }
  type Named { id: ID! name: String! }
  type Ref { id: ID! }
  type Similarity { municipality: Named! score: Float! shared: [Ref!]! }
  type Support { municipality: Ref! employeeCount: Int! caseCount: Int! }
  type SharedPractice { practice: Named! support: [Support!]! }
  type GraphEdge { type: String! source: ID! target: ID! }
  type Subgraph { nodes: [GraphNode!]! edges: [GraphEdge!]! }
  type MatrixEntry { id: ID! label: String! }
  type CooccurrenceMatrix { rows: [MatrixEntry!]! columns: [MatrixEntry!]! counts: [[Float!]!]! }
  type SearchHit { id: ID! type: String! label: String! score: Float! }

  # The analytics without a built-in equivalent, as @cypher fields (bench/src/cypher.ts: the same
  # statements as the raw client and our API, returning maps shaped for these types).
  # Depth 2 is written into the neighbourhood statement (a Cypher quantifier must be a literal).
  # counts are Float: this library's Int does not serialise the Neo4j integers of a list of lists
  # ("Int cannot represent non-integer value"); the values are the same whole numbers.
  type Query {
    neighbourhood(id: ID!, limit: Int!): Subgraph!
      @cypher(statement: """${cypher.neighbourhood}""", columnName: "result")
    cooccurrence(municipalityIds: [ID!]!): CooccurrenceMatrix!
      @cypher(statement: """${cypher.cooccurrence}""", columnName: "result")
    search(query: String!, first: Int!): [SearchHit!]!
      @cypher(statement: """${cypher.search}""", columnName: "result")
    shortestPath(from: ID!, to: ID!): Path
      @cypher(statement: """${cypher.shortestPath}""", columnName: "result")
    similarMunicipalities(id: ID!, limit: Int!): [Similarity!]!
      @cypher(statement: """${cypher.similarMunicipalities}""", columnName: "result")
    sharedPractices(ids: [ID!]!): [SharedPractice!]!
      @cypher(statement: """${cypher.sharedPractices}""", columnName: "result")
  }
  `;
}
