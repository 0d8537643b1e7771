/**
 * The mixed read workload of `npm run load`: what researchers and analysts ask of the seed graph, in the
 * proportions of a working day (lookups and lists most, analytics less, the heavy nested query now and
 * then). Every id is one of seed/ (seed/README.md); `checkWorkload` sends each once before the run and
 * refuses to measure a workload that answers with errors.
 */
export interface LoadRequest {
  /** Short name for the report. */
  name: string;
  /** How many times it appears in one cycle of the mix. */
  weight: number;
  query: string;
  variables?: Record<string, unknown>;
}

export const WORKLOAD: LoadRequest[] = [
  {
    name: 'practice by id, with dilemmas, municipalities and sources',
    weight: 4,
    query: `query Practice($id: ID!) { practice(id: $id) { id name kind description dilemmas { id name } municipalities { id name } provenance { locator source { id title synthetic } } } }`,
    variables: { id: 'practice:vertrouwen' },
  },
  {
    name: 'node(id) on the interface',
    weight: 3,
    query: `query Node($id: ID!) { node(id: $id) { id ... on Dilemma { name practices { id name } conclusions { statement } } } }`,
    variables: { id: 'dilemma:loslaten-of-sturen' },
  },
  {
    name: 'practices of one kind, first page',
    weight: 3,
    query: `query Practices { practices(first: 20, where: { kinds: [SKILL, ROUTINE] }, orderBy: [{ field: NAME }]) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name kind dilemmas { id } } } } }`,
  },
  {
    name: 'employees of a municipality with their practices',
    weight: 3,
    query: `query Municipality($id: ID!) { municipality(id: $id) { id name province employees(first: 20) { totalCount edges { node { id pseudonym role practices { id name } } } } cases(first: 10) { edges { node { id title year } } } } }`,
    variables: { id: 'municipality:breda' },
  },
  {
    name: 'research query: 6 municipalities → 20 employees → practices → dilemmas',
    weight: 1,
    query: `query Research { municipalities(first: 6) { edges { node { id name employees(first: 20) { edges { node { id pseudonym practices { id name dilemmas { id name } } } } } } } } }`,
  },
  {
    name: 'full-text search',
    weight: 2,
    query: `query Search($q: String!) { search(query: $q, first: 10) { score type label node { id } } }`,
    variables: { q: 'vertrouwen' },
  },
  {
    name: 'neighbourhood of a municipality, depth 2',
    weight: 2,
    query: `query Neighbourhood($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 200) { truncated nodes { id type label } edges { id type source target } } }`,
    variables: { id: 'municipality:tilburg' },
  },
  {
    name: 'shortest path between two municipalities',
    weight: 1,
    query: `query Path($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { nodes { id label } edges { type source target } } }`,
    variables: { from: 'municipality:berkelland', to: 'municipality:tilburg' },
  },
  {
    name: 'practices shared by three municipalities',
    weight: 1,
    query: `query Shared($ids: [ID!]!) { sharedPractices(municipalityIds: $ids) { practice { id name } support { municipality { id } employeeCount caseCount } } }`,
    variables: { ids: ['municipality:breda', 'municipality:tilburg', 'municipality:amersfoort'] },
  },
  {
    name: 'similar municipalities',
    weight: 1,
    query: `query Similar($id: ID!) { similarMunicipalities(id: $id, limit: 5) { score municipality { id name } shared { id } } }`,
    variables: { id: 'municipality:apeldoorn' },
  },
  {
    name: 'co-occurrence practices × dilemmas',
    weight: 1,
    query: `query Cooccurrence { cooccurrence(rows: PRACTICE, columns: DILEMMA) { rowLabels columnLabels counts coefficients } }`,
  },
  {
    name: 'stats for a dashboard',
    weight: 1,
    query: `query Stats { stats { nodeCount relationshipCount byLabel { label count } topPractices(limit: 5) { degree practice { id name } } } }`,
  },
];

/** The mix in the order autocannon cycles through it: weights spread out, not in runs. */
export function mixedSequence(workload: LoadRequest[] = WORKLOAD): LoadRequest[] {
  const sequence: LoadRequest[] = [];
  const maxWeight = Math.max(...workload.map((request) => request.weight));
  for (let round = 0; round < maxWeight; round++) {
    for (const request of workload) if (request.weight > round) sequence.push(request);
  }
  return sequence;
}

/** Sends every request once; throws naming the first that answers with anything but data. */
export async function checkWorkload(url: string, workload: LoadRequest[] = WORKLOAD): Promise<void> {
  for (const request of workload) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: request.query, variables: request.variables ?? {} }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    if (response.status !== 200 || body.errors?.length || !body.data) {
      throw new Error(`The load request "${request.name}" does not answer cleanly (${response.status}): ${JSON.stringify(body).slice(0, 500)}`);
    }
  }
}
