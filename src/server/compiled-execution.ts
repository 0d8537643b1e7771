import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  execute,
  getNamedType,
  GraphQLError,
  type GraphQLInputObjectType,
  type GraphQLSchema,
  isInputObjectType,
  isNonNullType,
  type OperationDefinitionNode,
  typeFromAST,
} from 'graphql';
import { compileQuery, type CompiledQuery, isCompiledQuery } from 'graphql-jit';
import type { Logger } from '../logger.js';
import { RecentlyUsed } from './recently-used.js';

/**
 * How many compiled operations `compiledExecution` keeps, least recently used out first. A compiled operation holds ~50 KB of heap
 * (the fuzz test's 1,000 one-off documents, compiled on first sight, took 48 MB); clients repeat a handful
 * of documents, and one compiled again after falling out costs a compile, not an error.
 */
export const COMPILED_OPERATION_ENTRIES = 100;

/** How many operations have their graphql-js runs counted (a number each). */
const SEEN_OPERATION_ENTRIES = 1_000;

export interface CompiledExecutionOptions {
  /**
   * How many times an operation runs through graphql-js before it is compiled (`GRAPHQL_JIT_AFTER`):
   * 0 compiles on first sight. Compiling costs about as much as several executions, and most documents a
   * fuzzer or an exploring user sends are seen once; the ones a client repeats are worth it.
   */
  compileAfter: number;
  /** Told (debug) which operations are compiled and which stay with graphql-js, and why. */
  logger: Logger;
}

/**
 * Runs validated operations with graphql-jit, which compiles each operation of a document into one
 * JavaScript function (field resolution, null checks and serialisation written out for that selection)
 * instead of graphql-js walking the document for every request and every row. Same schema, same
 * resolvers, same `info`, same errors: only the executor changes, so everything before execution (parse,
 * validation, limits, cost, plugins) stays Apollo's. Variables that do not fit the operation never get here:
 * the cost limit coerces them with graphql-js before execution and answers BAD_USER_INPUT (src/server/cost.ts).
 *
 * Apollo Server takes another executor only through its gateway interface; this is a gateway of one
 * local schema. Operations are compiled after `compileAfter` graphql-js runs and kept by query hash and
 * operation name. An operation graphql-jit cannot compile, or would run differently, is run by graphql-js.
 */
export function compiledExecution(schema: GraphQLSchema, options: CompiledExecutionOptions): GatewayInterface {
  const compiled = new RecentlyUsed<string, CompiledQuery>(COMPILED_OPERATION_ENTRIES);
  // Counting is cheap, so many more operations are counted than kept compiled: one-off documents (a
  // fuzzer's, an exploring user's) do not push the repeated ones out of `compiled`.
  const seen = new RecentlyUsed<string, number | 'refused'>(SEEN_OPERATION_ENTRIES);

  const compiledFor = (request: GatewayGraphQLRequestContext): CompiledQuery | undefined => {
    const key = `${request.queryHash}\u0000${request.operationName ?? ''}`;
    const known = compiled.get(key);
    if (known) return known;
    const runs = seen.get(key) ?? 0;
    if (runs === 'refused') return undefined;
    if (runs < options.compileAfter) {
      seen.set(key, runs + 1);
      return undefined;
    }
    const query = compileOrRefuse(schema, request, options.logger);
    if (query) compiled.set(key, query);
    else seen.set(key, 'refused');
    return query;
  };

  const executor: GatewayExecutor = async (request) => {
    const query = compiledFor(request);
    if (query) {
      const result = await query.query(undefined, request.context, request.request.variables ?? {});
      return result.errors ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
    }
    return execute({
      schema,
      document: request.document,
      contextValue: request.context,
      variableValues: request.request.variables,
      operationName: request.request.operationName,
    });
  };

  return {
    async load() {
      return { schema, executor };
    },
    onSchemaLoadOrUpdate(callback) {
      // One schema for the server's life: delivered once, nothing to unsubscribe from.
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}

/**
 * The compiled operation, or undefined when graphql-jit refuses it (returns errors or throws) or would
 * coerce its variables differently from graphql-js.
 */
function compileOrRefuse(schema: GraphQLSchema, request: GatewayGraphQLRequestContext, logger: Logger): CompiledQuery | undefined {
  const operation = request.operationName ?? '(anonymous)';
  if (variablesMayNeedDefaults(schema, request.operation)) {
    logger.debug('operation left to graphql-js', { operation, reason: 'a variable may reach a required input field with a default' });
    return undefined;
  }
  try {
    const result = compileQuery(schema, request.document, request.request.operationName ?? undefined);
    if (isCompiledQuery(result)) {
      logger.debug('operation compiled', { operation });
      return result;
    }
    logger.debug('operation left to graphql-js', { operation, reason: result.errors?.map((error) => error.message).join('; ') });
  } catch (error) {
    logger.debug('operation left to graphql-js', { operation, reason: error instanceof Error ? error.message : String(error) });
  }
  return undefined;
}

/**
 * graphql-jit's errors are its own `GraphQLError` (graphql-js's prototype, not its constructor), whose
 * `extensions` is undefined unless the thrown error had some; Apollo and our error formatting read
 * `extensions` as graphql-js always sets it. The same error, made by graphql-js's constructor.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const made = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? undefined,
  });
  // graphql-jit knows the locations (it compiled the document); graphql-js would derive them from nodes.
  if (error.locations) Object.assign(made, { locations: error.locations });
  return made;
}

/**
 * graphql-jit (0.8.9) reports a missing non-null input field as not provided even when the field has a
 * default, where graphql-js fills the default in: `$orderBy: [CaseOrder!]` with `[{field: TITLE}]` fails on
 * `direction: OrderDirection! = ASC`. A non-null variable with a default is treated the same way. An
 * operation whose variables can reach such a field or are such a variable stays with graphql-js. (Defaults
 * in literal arguments are graphql-js's own coercion in both executors.)
 */
function variablesMayNeedDefaults(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  const seen = new Set<GraphQLInputObjectType>();
  const reachesRequiredDefault = (type: GraphQLInputObjectType): boolean => {
    if (seen.has(type)) return false;
    seen.add(type);
    return Object.values(type.getFields()).some((field) => {
      if (isNonNullType(field.type) && field.defaultValue !== undefined) return true;
      const named = getNamedType(field.type);
      return isInputObjectType(named) && reachesRequiredDefault(named);
    });
  };
  return (operation.variableDefinitions ?? []).some((definition) => {
    const type = typeFromAST(schema, definition.type);
    if (!type) return false;
    if (isNonNullType(type) && definition.defaultValue) return true;
    const named = getNamedType(type);
    return isInputObjectType(named) && reachesRequiredDefault(named);
  });
}
