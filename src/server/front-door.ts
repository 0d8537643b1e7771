import { Router } from 'express';
import { EXPORT_FILES } from '../export/index.js';
import { xmlEscape } from '../export/xml.js';
import { parseExportQuery } from './export-routes.js';

/** One link of the front door. */
export interface FrontDoorLink {
  href: string;
  title: string;
  description: string;
}

/** What `/` lists, as HTML for a browser or as JSON for `Accept: application/json`. */
export interface FrontDoorIndex {
  name: string;
  description: string;
  pages: FrontDoorLink[];
  exports: FrontDoorLink[];
  status: FrontDoorLink[];
  /** GraphiQL opened on a key query (`/graphql?query=…&variables=…`). */
  queries: FrontDoorLink[];
}

/** What each export file is for; a file the export routes gain later is still listed, with a plain description. */
const EXPORT_DESCRIPTIONS: Record<string, string> = {
  'graph.graphml': 'GraphML for Gephi, yEd, networkx and igraph: every node and relationship with typed attributes.',
  'graph.gexf': 'GEXF 1.2 for Gephi.',
  'graph.json': 'Cytoscape.js elements (nodes and edges with their data).',
  'nodes.csv': 'Nodes as CSV, one row per node, for spreadsheets and notebooks.',
  'edges.csv': 'Relationships as CSV, one row per relationship.',
  'project.qdpx': 'REFI-QDA project (quotations, codes and sources) for ATLAS.ti, MAXQDA, NVivo and other QDA software.',
  'codebook.qdc': 'REFI-QDA codebook: the practices, dilemmas and conclusions as codes.',
};

/** The REFI-QDA files the export routes serve beside the graph formats of `EXPORT_FILES`. */
const REFI_EXPORTS = ['project.qdpx', 'codebook.qdc'];

/** Whether the export routes take `?scope=` (asked of the parser itself, so this page follows it). */
function exportsTakeScope(): boolean {
  try {
    parseExportQuery({ scope: 'real' });
    return true;
  } catch {
    return false;
  }
}

/** A GraphiQL link that opens with `query` (and `variables`) in the editor. */
function graphiqlLink(query: string, variables?: Record<string, unknown>): string {
  const params = new URLSearchParams({ query });
  if (variables) params.set('variables', JSON.stringify(variables, null, 2));
  return `/graphql?${params.toString()}`;
}

/** The questions the README and GraphiQL's example tabs answer, as links that open them in GraphiQL. */
const KEY_QUERIES: FrontDoorLink[] = [
  {
    title: 'Practices per dilemma',
    description: 'Which practices address each dilemma, with their sources.',
    href: graphiqlLink('query PracticesPerDilemma {\n  dilemmas {\n    edges {\n      node {\n        name\n        practices { id name kind sources { title synthetic } }\n      }\n    }\n  }\n}\n'),
  },
  {
    title: 'What two municipalities share',
    description: 'Practices used in every one of the given municipalities, with the support in each.',
    href: graphiqlLink(
      'query SharedPractices($municipalityIds: [ID!]!) {\n  sharedPractices(municipalityIds: $municipalityIds) {\n    practice { id name }\n    support { municipality { name } caseCount employeeCount }\n  }\n}\n',
      { municipalityIds: ['municipality:breda', 'municipality:tilburg'] },
    ),
  },
  {
    title: 'How A connects to B',
    description: 'A shortest path between two nodes (null when they are not connected).',
    href: graphiqlLink(
      'query ShortestPath($from: ID!, $to: ID!) {\n  shortestPath(from: $from, to: $to) {\n    nodes { id type label synthetic }\n    edges { type source target }\n  }\n}\n',
      { from: 'municipality:berkelland', to: 'dilemma:bemiddelen' },
    ),
  },
  {
    title: 'Where a fact comes from',
    description: 'The first learning-circle meeting with its provenance: source, locator, talks.',
    href: graphiqlLink(
      '{\n  meeting(id: "meeting:leerkring-2018-03-14") {\n    title\n    provenance { locator source { title synthetic } }\n  }\n}\n',
    ),
  },
  {
    title: 'Practices and dilemmas in the same cases',
    description: 'A co-occurrence matrix with counts and c-coefficients, for heat maps.',
    href: graphiqlLink('query Cooccurrence {\n  cooccurrence(rows: PRACTICE, columns: DILEMMA) {\n    rowLabels\n    columnLabels\n    counts\n  }\n}\n'),
  },
  {
    title: 'Network measures',
    description: 'Degree, betweenness, PageRank and Louvain communities of the real data.',
    href: graphiqlLink(
      'query NetworkMetrics {\n  networkMetrics(scope: REAL) {\n    modularity\n    communityCount\n    nodes { id type degree betweenness pageRank community }\n  }\n}\n',
    ),
  },
  {
    title: 'Counts',
    description: 'Nodes and relationships per label and type; the most connected practices.',
    href: graphiqlLink('{\n  stats {\n    nodeCount\n    relationshipCount\n    byLabel { label count }\n    topPractices { practice { name } degree }\n  }\n}\n'),
  },
];

/** The links of the front door: pages, every export (and its real-data variant), status, key queries. */
export function frontDoorIndex(): FrontDoorIndex {
  const scoped = exportsTakeScope();
  const exports: FrontDoorLink[] = [];
  for (const file of [...EXPORT_FILES, ...REFI_EXPORTS.filter((file) => !(EXPORT_FILES as string[]).includes(file))]) {
    const description = EXPORT_DESCRIPTIONS[file] ?? `The ${file} export.`;
    exports.push({ href: `/export/${file}`, title: file, description });
    // Every export takes a scope, the REFI-QDA files too (their `all` marks the made-up part).
    if (scoped) {
      exports.push({ href: `/export/${file}?scope=real`, title: `${file} (real data only)`, description: `${description} Without the made-up, illustrative data.` });
    }
  }
  return {
    name: 'Practice Graph',
    description:
      "A knowledge graph of how municipal civil servants work with citizens' initiatives (research on ambtelijk vakmanschap), " +
      'stored in Neo4j and served through a typed GraphQL API.',
    pages: [
      { href: '/graphql', title: 'GraphiQL', description: 'Write and run GraphQL queries; the schema documentation is in its docs pane.' },
      { href: '/explore', title: 'Explorer', description: 'Search, expand and lay out the graph; find paths; a co-occurrence heat map.' },
    ],
    exports,
    status: [
      { href: '/health', title: '/health', description: 'The process is up.' },
      { href: '/ready', title: '/ready', description: 'Neo4j answers and start-up work is done (503 until then).' },
    ],
    queries: KEY_QUERIES,
  };
}

/** The front door as a page: plain HTML with its style inline, nothing loaded from anywhere. */
export function renderFrontDoor(index: FrontDoorIndex): string {
  const list = (id: string, heading: string, links: FrontDoorLink[]) =>
    `<section id="${id}"><h2>${xmlEscape(heading)}</h2><ul>` +
    links.map((link) => `<li><a href="${xmlEscape(link.href)}">${xmlEscape(link.title)}</a> <span>${xmlEscape(link.description)}</span></li>`).join('') +
    '</ul></section>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${xmlEscape(index.name)}</title>
<link rel="icon" href="data:,">
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1f2933; }
h1 { margin-bottom: 0.25rem; } h2 { font-size: 1.1rem; margin-top: 1.75rem; border-bottom: 1px solid #d9e2ec; }
ul { list-style: none; padding: 0; } li { margin: 0.4rem 0; } li span { color: #52606d; }
a { color: #0b5cad; font-weight: 600; } code { background: #f0f4f8; padding: 0 0.2rem; }
</style>
</head>
<body>
<header><h1>${xmlEscape(index.name)}</h1><p>${xmlEscape(index.description)}</p>
<p>GraphQL endpoint: <code>POST /graphql</code>. The same links as JSON: <code>GET /</code> with <code>Accept: application/json</code>.</p></header>
<main>
${list('pages', 'Pages', index.pages)}
${list('queries', 'Key questions, opened in GraphiQL', index.queries)}
${list('exports', 'Exports (whole graph; add ?focus=<id>&depth=<n> for a neighbourhood)', index.exports)}
${list('status', 'Status', index.status)}
</main>
</body>
</html>
`;
}

/**
 * `GET /`: the front door. A browser gets the page; `Accept: application/json` (preferred over HTML) gets the
 * same links as JSON. Built once: the links depend only on the code.
 */
export function frontDoorRoutes(headers: Record<string, string>): Router {
  const router = Router();
  const index = frontDoorIndex();
  const page = renderFrontDoor(index);
  router.get('/', (req, res) => {
    res.set({ ...headers, vary: 'Accept' });
    if (req.accepts(['text/html', 'application/json']) === 'application/json') {
      res.json(index);
      return;
    }
    res.type('html').send(page);
  });
  return router;
}
