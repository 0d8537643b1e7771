/**
 * The operations GraphiQL opens with, one tab each (used only when the browser has no saved tab state).
 * The first one runs against the seed graph as it stands, so pressing Run shows data at once; the
 * others are the questions researchers ask most.
 */
export interface ExampleTab {
  query: string;
  variables?: string;
}

const WELCOME = `# Practice Graph: how municipal civil servants
# work with citizens' initiatives.
#
# Press ▶ (Ctrl/Cmd + Enter) to run this query.
# The other tabs hold saved examples: practices
# per dilemma, what two municipalities share,
# a shortest path, a co-occurrence matrix.
# The book icon (left) opens the schema docs;
# Ctrl/Cmd + Space completes as you type.
#
# Facts from the 14 March 2018 report have
# MEETING_REPORT sources; the illustrative
# sample (employees, cases, some practices)
# is marked synthetic: true.

query Overview {
  researchProgrammes(first: 1) {
    edges {
      node {
        title
        institution
        ledBy { name }
        fundedBy { name kind }
        partners { id name province }
      }
    }
  }
  dilemmas {
    totalCount
    edges {
      node {
        id
        name
        gloss
        practices { name }
      }
    }
  }
}
`;

const PRACTICES_PER_DILEMMA = `# Which practices address each dilemma, and in how
# many cases does the dilemma come up?

query PracticesPerDilemma {
  dilemmas {
    edges {
      node {
        name
        gloss
        practices {
          id
          name
          kind
          sources { title synthetic }
        }
        cases(first: 3) {
          totalCount
          edges { node { title year municipality { name } } }
        }
      }
    }
  }
}
`;

const SHARED_PRACTICES = `# Practices used in every one of the given municipalities
# (by their employees or in their cases), with the support
# in each.

query SharedPractices($municipalityIds: [ID!]!) {
  sharedPractices(municipalityIds: $municipalityIds) {
    practice { id name kind dilemmas { name } }
    support { municipality { name } caseCount employeeCount }
  }
}
`;

const SHORTEST_PATH = `# How are two nodes connected? Null when they are not
# (within maxDepth steps). includeSources: true also
# walks through provenance (SOURCED_FROM).

query ShortestPath($from: ID!, $to: ID!) {
  shortestPath(from: $from, to: $to) {
    nodes { id type label synthetic }
    edges { type source target }
  }
}
`;

const COOCCURRENCE = `# How often practices and dilemmas meet in the same cases:
# counts, and c-coefficients n12 / (n1 + n2 - n12).
# Try columns: MUNICIPALITY, or municipalityIds: [...]
# to count the cases of some municipalities only.

query Cooccurrence {
  cooccurrence(rows: PRACTICE, columns: DILEMMA) {
    rowLabels
    columnLabels
    counts
    coefficients
  }
}
`;

/** The default tabs, in order; the first is the welcome tab. */
export const EXAMPLE_TABS: ExampleTab[] = [
  { query: WELCOME },
  { query: PRACTICES_PER_DILEMMA },
  {
    query: SHARED_PRACTICES,
    variables: JSON.stringify({ municipalityIds: ['municipality:breda', 'municipality:tilburg'] }, null, 2),
  },
  {
    query: SHORTEST_PATH,
    variables: JSON.stringify({ from: 'municipality:berkelland', to: 'dilemma:bemiddelen' }, null, 2),
  },
  { query: COOCCURRENCE },
];
