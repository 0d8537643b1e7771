import { createRequire } from 'node:module';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { type DocumentNode, getNamedType, getNullableType, GraphQLError, type GraphQLOutputType, type GraphQLSchema, isLeafType, isListType } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../errors.js';
import type { CostBudget } from './admission.js';

// The package's ESM build imports `graphql/index.mjs`, a second graphql module next to the CommonJS one
// our schema is built with (type-graphql and Apollo load that one): its `instanceof` checks would refuse
// our schema. Its CommonJS build uses the same graphql as everything else.
const { getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as typeof import('graphql-query-complexity');

/**
 * The cost model (README, "Limits and the cost model"): an estimate of how many objects an operation can
 * make the server load, computed before anything runs, from the document, its variables and the schema's
 * argument defaults (graphql-query-complexity does the walk: fragments, `@skip`/`@include`, and for an
 * interface the most expensive implementation).
 *
 * - A scalar or enum field costs 0: it comes with the object already loaded.
 * - An object field costs `size × (1 + the cost of its selection)`.
 * - `size` is the field's `first` or `limit` argument (given, from a variable, or the schema default:
 *   `first` defaults to 20); a list field without either is assumed to hold `ASSUMED_LIST_SIZE` items;
 *   a single object has size 1.
 * - The list fields of a page (`edges` of a connection, `nodes`/`edges` of a `Subgraph`) have size 1: the
 *   field returning the page already multiplied by its `first`/`limit`.
 * - Introspection (`__schema`, `__type`, `__typename`) costs 0.
 *
 * So `municipalities(first: 6) { edges { node { employees(first: 20) { edges { node { practices { dilemmas { name } } } } } } } }`
 * costs 6 × (1 + 1 + 1 + 20 × (1 + 1 + 1 + 10 × (1 + 10 × 1))) = 13,578.
 */
export const ASSUMED_LIST_SIZE = 10;

/** Arguments that bound how many items a field returns, in the order they are looked at. */
const SIZE_ARGUMENTS = ['first', 'limit'] as const;

/** Types whose list fields are the page the field returning them already paid for. */
function isPageType(typeName: string): boolean {
  return typeName.endsWith('Connection') || typeName === 'Subgraph';
}

/** The estimator of the cost model above, for graphql-query-complexity. */
export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0;
  if (isLeafType(getNamedType(field.type))) return 0;
  return sizeOf(type.name, field.type, args) * (1 + childComplexity);
};

function sizeOf(parentType: string, fieldType: GraphQLOutputType, args: Record<string, unknown>): number {
  for (const name of SIZE_ARGUMENTS) {
    const value = args[name];
    // A nonsensical size (0, negative) is refused by the argument's own validation later; count it as 1.
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, Math.floor(value));
  }
  if (!isListType(getNullableType(fieldType)) || isPageType(parentType)) return 1;
  return ASSUMED_LIST_SIZE;
}

/**
 * The cost of the operation `operationName` (or the document's only operation) with these variables.
 * Throws a GraphQLError when the variables do not fit the operation, or when the document has so many
 * selections (fragments spread again and again) that counting stops.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number {
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    operationName: operationName ?? undefined,
    estimators: [costEstimator],
  });
}

/** Most variable sets remembered per document (see `cachedOperationCost`). */
const COSTS_PER_DOCUMENT = 64;
const MAX_KEY_LENGTH = 2_048;

const knownCosts = new WeakMap<DocumentNode, Map<string, number>>();

/**
 * `operationCost`, remembered per parsed document (Apollo's document cache hands out the same object for
 * the same query text) and per operation name and variables: estimating walks the whole document with
 * the schema, which cost as much as the rest of Apollo's pipeline for a small query.
 */
function cachedOperationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string | null): number {
  let costs = knownCosts.get(document);
  if (!costs) knownCosts.set(document, (costs = new Map()));
  const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
  const known = costs.get(key);
  if (known !== undefined) return known;
  const cost = operationCost(schema, document, variables, operationName);
  // Large variable sets (bulk imports) are not kept: the key would weigh more than the estimate saves.
  if (key.length > MAX_KEY_LENGTH) return cost;
  if (costs.size >= COSTS_PER_DOCUMENT) costs.delete(costs.keys().next().value!);
  costs.set(key, cost);
  return cost;
}

export interface CostLimitOptions {
  /** Operations estimated above this are refused with HTTP 400, BAD_USER_INPUT, reason COST_LIMIT. */
  maxCost: number;
  /** When given, an operation executes only once its cost fits in the budget (`admission.ts`). */
  budget?: CostBudget;
}

/** What every response carries in `extensions.cost` once its operation has been resolved. */
export interface CostReport {
  /** The estimated cost of the operation (the cost model above). */
  requested: number;
  /** The configured limit (`GRAPHQL_MAX_COST`). */
  limit: number;
}

/**
 * Apollo plugin: estimates every operation's cost once the operation is known (after parsing and
 * validation, with the request's variables), refuses it before execution when it exceeds `maxCost`,
 * waits for room in the `budget` if there is one, and reports `{ requested, limit }` in
 * `extensions.cost` of the response (refusals included).
 */
export function costLimitPlugin({ maxCost, budget }: CostLimitOptions): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      let report: CostReport | undefined;
      let release: (() => void) | undefined;
      let responded = false;
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          let cost: number;
          try {
            cost = cachedOperationCost(schema, document, request.variables, operationName);
          } catch (error) {
            // Fail closed: an operation whose cost cannot be estimated does not run.
            throw refusal(
              error instanceof GraphQLError && !/maximum allowed number of nodes/.test(error.message)
                ? error.message
                : 'The query has too many selections to estimate its cost (fragments spread too often); simplify it.',
            );
          }
          report = { requested: cost, limit: maxCost };
          if (cost > maxCost) {
            throw refusal(
              `The query's estimated cost ${cost} exceeds the limit of ${maxCost}. Lists multiply the cost of what they select ` +
                `by their \`first\`/\`limit\` (${ASSUMED_LIST_SIZE} for lists without one): ask for smaller pages or fewer nested lists, ` +
                'or split the query.',
              { reason: 'COST_LIMIT', cost, maxCost },
            );
          }
          if (budget) {
            const held = await budget.acquire(cost);
            // Another plugin's failure may have answered the request while this one waited.
            if (responded) held();
            else release = held;
          }
        },
        // Apollo calls this on every path once the operation was resolved (results, errors, refusals).
        async willSendResponse({ response }) {
          responded = true;
          release?.();
          if (!report || response.body.kind !== 'single') return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: report };
        },
      };
    },
  };
}

function refusal(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  // `extensions.http` sets the status of the whole response (Apollo removes it from the body).
  return new GraphQLError(message, { extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
}
