import 'reflect-metadata';
import { validateOrReject, type ValidatorOptions } from 'class-validator';
import { isInterfaceType, type GraphQLSchema } from 'graphql';
import { ArgumentValidationError, buildSchema } from 'type-graphql';
import { ANALYTICS_RESOLVERS } from './analytics/index.js';
import { CaseResolver } from './case/index.js';
import { ConclusionResolver } from './conclusion/index.js';
import { DilemmaResolver } from './dilemma/index.js';
import { EmployeeResolver } from './employee/index.js';
import { MeetingResolver } from './meeting/index.js';
import { MunicipalityResolver } from './municipality/index.js';
import { MUTATION_RESOLVERS } from './mutation/index.js';
import { NodeResolver, nodeTypeName } from './node/index.js';
import { OrganisationResolver } from './organisation/index.js';
import { PersonResolver } from './person/index.js';
import { PracticeResolver } from './practice/index.js';
import { QUOTATION_RESOLVERS } from './quotation/index.js';
import { ResearchResolver } from './research/index.js';
import { SourceResolver } from './source/index.js';
import { TalkResolver } from './talk/index.js';
import { callResolversDirectly } from './direct-resolvers.js';

export const RESOLVERS = [
  NodeResolver,
  ResearchResolver,
  OrganisationResolver,
  PersonResolver,
  MunicipalityResolver,
  EmployeeResolver,
  PracticeResolver,
  DilemmaResolver,
  ConclusionResolver,
  MeetingResolver,
  CaseResolver,
  SourceResolver,
  ...QUOTATION_RESOLVERS,
  TalkResolver,
  ...ANALYTICS_RESOLVERS,
  ...MUTATION_RESOLVERS,
] as const;

// type-graphql's own validation does the same with the same options, but imports class-validator
// dynamically for every validated argument: each import is a macrotask (a loader-thread round trip under
// tsx), which ends the DataLoader batch in progress, so a nested query fell apart into 12-16 statements.
const VALIDATOR_OPTIONS: ValidatorOptions = { forbidUnknownValues: false, skipMissingProperties: true };

async function validateArgument(value: unknown): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  try {
    const items = Array.isArray(value) ? value.filter((item) => item !== null && typeof item === 'object') : [value];
    await Promise.all(items.map((item: object) => validateOrReject(item, VALIDATOR_OPTIONS)));
  } catch (errors) {
    throw new ArgumentValidationError(errors as ConstructorParameters<typeof ArgumentValidationError>[0]);
  }
}

/** The executable schema, built from the type-graphql classes (arguments validated with class-validator). */
export async function buildGraphSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    validateFn: validateArgument,
    // Every object type is reachable from a query; interfaces' implementations must all be in the schema.
    orphanedTypes: [],
  });
  callResolversDirectly(schema, RESOLVERS);
  resolveNodeTypeDirectly(schema);
  // type-graphql takes no description for the root types; GraphiQL's docs pane opens on them.
  const queryType = schema.getQueryType();
  if (queryType) queryType.description = ROOT_DESCRIPTIONS.Query;
  const mutationType = schema.getMutationType();
  if (mutationType) mutationType.description = ROOT_DESCRIPTIONS.Mutation;
  return schema;
}

/**
 * type-graphql wraps every `resolveType` in an async function, so each abstract value costs a promise, and
 * graphql-jit (src/server/compiled-execution.ts), which calls `resolveType` synchronously and reads a type
 * name from its result, gets a promise instead and fails. `Node`'s is synchronous: it goes back unwrapped.
 */
function resolveNodeTypeDirectly(schema: GraphQLSchema): void {
  const node = schema.getType('Node');
  if (!isInterfaceType(node)) throw new Error('the schema has no Node interface');
  node.resolveType = nodeTypeName;
}

const ROOT_DESCRIPTIONS = {
  Query:
    'Every read: one field per node type by id and one Relay connection per type, `node(id)`, search, and the analytics (neighbourhoods, paths, co-occurrence, similarity, network measures, counts).',
  Mutation:
    'Every write (editors and admins only): create and update per node type, deleteNode, link and unlink relationships the model allows, and bulk imports. Each write records its source, who and when.',
};
