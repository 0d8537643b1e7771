import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import type { GraphqlConfig } from '../config.js';
import { CostBudget } from './admission.js';
import { costLimitPlugin } from './cost.js';

/** The limits `graphqlLimits` enforces (a subset of `GraphqlConfig`). */
export type GraphqlLimits = Pick<GraphqlConfig, 'maxDepth' | 'maxAliases' | 'maxDirectives' | 'maxTokens' | 'maxCost' | 'costInFlight' | 'costWaitMs'>;

/** What to give `new ApolloServer(...)`: its parse options, validation rules and plugins. */
export interface LimitProtection {
  parseOptions: ParseOptions;
  validationRules: ValidationRule[];
  plugins: Array<ApolloServerPlugin<BaseContext>>;
}

/**
 * The per-operation limits of `/graphql`, every refusal an HTTP 400 with a message naming the limit:
 *
 * - GraphQL Armor: depth (`maxDepth`; every nested selection set is a level, so a connection's
 *   `edges { node { … } }` adds two; `__schema` introspection exempt), aliases and directives: validation
 *   errors, code GRAPHQL_VALIDATION_FAILED;
 * - tokens: graphql-js's own parser limit (`maxTokens`), which stops lexing at the first token over it:
 *   a syntax error, code GRAPHQL_PARSE_FAILED. (Armor's token plugin would parse every document twice.)
 * - the cost limit (`cost.ts`, code BAD_USER_INPUT, reason COST_LIMIT), which also reports the cost in
 *   `extensions.cost` of every response. Armor's own cost rule is off: it reads neither variables nor the
 *   schema's default `first`, so `first: $n` would cost nothing.
 * - the cost budget (`admission.ts`): at most `costInFlight` of estimated cost executes at once, the rest
 *   waits its turn (up to `costWaitMs`, then SERVICE_UNAVAILABLE, reason BUSY).
 * - Field suggestions are not Armor's business here: `format-error.ts` strips them in production.
 */
export function graphqlLimits(limits: GraphqlLimits): LimitProtection {
  const armor = new ApolloArmor({
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, ...reject('Connections count two levels (edges, node): split the query, or ask for fewer nested levels.') },
    maxAliases: { n: limits.maxAliases, ...reject('Send the aliased fields as separate requests.') },
    maxDirectives: { n: limits.maxDirectives, ...reject('') },
    maxTokens: { enabled: false },
  });
  const { validationRules, plugins } = armor.protect();
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: validationRules as ValidationRule[],
    plugins: [
      ...(plugins as Array<ApolloServerPlugin<BaseContext>>),
      costLimitPlugin({ maxCost: limits.maxCost, budget: limits.costInFlight > 0 ? new CostBudget(limits.costInFlight, limits.costWaitMs) : undefined }),
    ],
  };
}

/**
 * Armor rejection options: Armor's message ("Syntax Error: Query depth limit of 10 exceeded, found 12.")
 * loses its misleading "Syntax Error:" prefix and gains a hint, and is reported as a validation error
 * (HTTP 400, GRAPHQL_VALIDATION_FAILED).
 */
function reject(hint: string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        context?.reportError(new GraphQLError(`${error.message.replace(/^Syntax Error: /, '')}${hint ? ` ${hint}` : ''}`));
      },
    ],
  };
}
