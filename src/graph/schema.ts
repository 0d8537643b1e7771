import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ANALYTICS_RESOLVERS } from './analytics/index.js';
import { CaseResolver } from './case/index.js';
import { ConclusionResolver } from './conclusion/index.js';
import { DilemmaResolver } from './dilemma/index.js';
import { EmployeeResolver } from './employee/index.js';
import { MeetingResolver } from './meeting/index.js';
import { MunicipalityResolver } from './municipality/index.js';
import { MUTATION_RESOLVERS } from './mutation/index.js';
import { NodeResolver } from './node/index.js';
import { OrganisationResolver } from './organisation/index.js';
import { PersonResolver } from './person/index.js';
import { PracticeResolver } from './practice/index.js';
import { ResearchResolver } from './research/index.js';
import { SourceResolver } from './source/index.js';

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
  ...ANALYTICS_RESOLVERS,
  ...MUTATION_RESOLVERS,
] as const;

/** The executable schema, built from the type-graphql classes (validation of args with class-validator on). */
export function buildGraphSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    validate: { forbidUnknownValues: false },
    // Every object type is reachable from a query; interfaces' implementations must all be in the schema.
    orphanedTypes: [],
  });
}
