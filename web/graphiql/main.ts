/**
 * GraphiQL, served by the API at `GET /graphql` for browsers (Accept: text/html): the graphql/graphiql
 * IDE bundled from npm, with the schema documentation explorer, history, and saved example operations.
 * Everything it loads comes from this origin (see web.ts for the Content-Security-Policy).
 *
 * `/graphql?query=…&variables=…&operationName=…` opens with that operation (shareable links).
 */
import './workers.js';
import 'graphiql/style.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { EXAMPLE_TABS } from './examples.js';

interface FetcherParams {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

interface FetcherOpts {
  headers?: Record<string, unknown>;
}

/** The endpoint this page was served from (the API's /graphql), so a proxy prefix keeps working. */
const ENDPOINT = new URL(window.location.pathname, window.location.origin).toString();

/** GraphQL over HTTP: a JSON POST with the user's headers from the headers editor. */
async function fetcher(params: FetcherParams, opts?: FetcherOpts): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  for (const [name, value] of Object.entries(opts?.headers ?? {})) headers[name] = String(value);
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers,
    body: JSON.stringify(params),
    credentials: 'same-origin',
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    // A non-JSON answer (a proxy's error page) is shown as it came, instead of a parse error.
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 500)}` }] };
  }
}

const search = new URLSearchParams(window.location.search);
const container = document.getElementById('graphiql');
if (!container) throw new Error('GraphiQL page: #graphiql is missing');

const props: Record<string, unknown> = {
  fetcher,
  plugins: [HISTORY_PLUGIN],
  defaultTabs: EXAMPLE_TABS,
  defaultEditorToolsVisibility: true,
  shouldPersistHeaders: false,
};
if (search.has('query')) props.initialQuery = search.get('query');
if (search.has('variables')) props.initialVariables = search.get('variables');
if (search.has('operationName')) props.operationName = search.get('operationName');

createRoot(container).render(createElement(GraphiQL as never, props));
