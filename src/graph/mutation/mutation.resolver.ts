import { JSONObjectResolver } from 'graphql-scalars';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Mutation, Resolver, UseMiddleware, type ClassType } from 'type-graphql';
import { importCsv, importDocument, type ImportSummary } from '../../import/index.js';
import { EDGES_CSV, NODES_CSV } from '../../import/csv.js';
import { GraphEdge } from '../analytics/analytics.type.js';
import { Case } from '../case/case.type.js';
import { Conclusion } from '../conclusion/conclusion.type.js';
import type { Context } from '../context.js';
import { Dilemma } from '../dilemma/dilemma.type.js';
import { Employee } from '../employee/employee.type.js';
import { Meeting } from '../meeting/meeting.type.js';
import { NODE_SPECS, NodeType, writerNameOf, type NodeRecord } from '../../model/index.js';
import { Municipality } from '../municipality/municipality.type.js';
import { Organisation } from '../organisation/organisation.type.js';
import { Person } from '../person/person.type.js';
import { Practice } from '../practice/practice.type.js';
import { Research } from '../research/research.type.js';
import { Source } from '../source/source.type.js';
import { RequireWriter } from './mutation.guard.js';
import { RELATION_TABLES } from '../relation-tables.js';
import { selectedRelations, type RelationLoad } from '../shared/prefetch.js';
import type { RelatedPage } from '../shared/relation.js';
import * as inputs from './mutation.input.js';
import { ImportReport } from './mutation.type.js';
import { GraphWriter } from './mutation.service.js';

const PROVENANCE =
  'Recorded with provenance: a SOURCED_FROM edge to `input.sourceId` (default `source:handmatige-invoer`) with who (`by`) and when (`at`).';
const LINKS_ON_CREATE =
  '`input.links` relates the new node to existing nodes in the same statement (checked like `link`, with the same provenance): ' +
  'all or nothing, so a link that fails leaves no node behind.';
const ROLES = 'Needs an editor or admin token (anonymous: UNAUTHENTICATED, reader: FORBIDDEN).';

function writerOf(ctx: Context): GraphWriter {
  return new GraphWriter(ctx.db, ctx.viewer, ctx.logger);
}

/**
 * The written node and the relations read back with it (`readBack`'s pages, in order) answer the mutation's
 * selection: they replace the loaders' cached copies, so it shows what was written.
 */
function written(ctx: Context, record: NodeRecord, readBack: readonly RelationLoad[], pages: readonly RelatedPage[]): NodeRecord {
  ctx.loaders.keepRelated(record.id, readBack, pages);
  ctx.loaders.node.clear(record.id).prime(record.id, record);
  return record;
}

/**
 * `create<Label>(input)` and `update<Label>(id, input)` of one node type, driven by its model spec:
 * the same contract for every type, each with its own explicit input classes (mutation.input.ts).
 */
function nodeMutations<C extends object, U extends object>(type: NodeType, objectType: ClassType, createInput: ClassType<C>, updateInput: ClassType<U>) {
  const { label, idPrefix, display } = NODE_SPECS[type];

  @Resolver()
  class NodeMutations {
    @Mutation(() => objectType, {
      name: `create${label}`,
      description:
        `Creates a ${label}; its id is \`input.id\` or \`${idPrefix}:<slug of ${display}>\` (a clash is BAD_USER_INPUT, reason CONFLICT). ${PROVENANCE} ` +
        `${LINKS_ON_CREATE} ${ROLES}`,
    })
    @UseMiddleware(RequireWriter)
    async create(
      @Arg('input', () => createInput, { description: 'The values to write (see the input type).' }) input: C,
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
    ): Promise<NodeRecord> {
      // What the selection reads of the new node's relations comes back in the statement that writes it.
      const selected = selectedRelations(info, type, RELATION_TABLES[type] ?? {});
      const { record, pages } = await writerOf(ctx).create(type, { ...input } as Record<string, unknown>, selected);
      return written(ctx, record, selected, pages);
    }

    @Mutation(() => objectType, {
      name: `update${label}`,
      description: `Changes a ${label}: omitted fields stay, null removes an optional one; NOT_FOUND when there is no ${label} with this id. ${PROVENANCE} ${ROLES}`,
    })
    @UseMiddleware(RequireWriter)
    async update(
      @Arg('id', () => ID, { description: 'The id of the node to change or delete (`<type>:<slug>`).' }) id: string,
      @Arg('input', () => updateInput, { description: 'The values to write (see the input type).' }) input: U,
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
    ): Promise<NodeRecord> {
      // As on create: what the selection reads of the node's relations is read in the write transaction.
      const selected = selectedRelations(info, type, RELATION_TABLES[type] ?? {});
      const { record, pages } = await writerOf(ctx).update(type, id, { ...input } as Record<string, unknown>, selected);
      return written(ctx, record, selected, pages);
    }
  }
  Object.defineProperty(NodeMutations, 'name', { value: `${label}MutationResolver` });
  return NodeMutations;
}

/** deleteNode, link, unlink and the bulk imports. */
@Resolver()
export class GraphMutationResolver {
  @Mutation(() => Boolean, { description: `Deletes a node with all its relationships; NOT_FOUND when absent. A Source still in use is refused. ${ROLES}` })
  @UseMiddleware(RequireWriter)
  deleteNode(@Arg('id', () => ID, { description: 'The id of the node to change or delete (`<type>:<slug>`).' }) id: string, @Ctx() ctx: Context): Promise<boolean> {
    ctx.loaders.node.clear(id);
    return writerOf(ctx).delete(id);
  }

  @Mutation(() => GraphEdge, {
    description:
      'Links two existing nodes (the model\'s allowed (label, type, label) triples only; BAD_USER_INPUT otherwise). Linking again updates the ' +
      'relationship: `properties` are added. The relationship records `sourceId` (default `source:handmatige-invoer`), `by` and `at`. ' +
      `USES takes {evidence, restricted}: restricted evidence is shown to editors and admins only. ${ROLES}`,
  })
  @UseMiddleware(RequireWriter)
  link(
    @Arg('from', () => ID, { description: 'The id of the node the relationship starts at.' }) from: string,
    @Arg('type', () => String, { description: 'Relationship type, e.g. USES.' }) type: string,
    @Arg('to', () => ID, { description: 'The id of the node the relationship ends at.' }) to: string,
    @Arg('properties', () => JSONObjectResolver, { nullable: true, description: 'Relationship properties as the model allows them.' }) properties: Record<string, unknown> | null,
    @Arg('sourceId', () => ID, { nullable: true, description: 'The Source the relationship comes from (must exist).' }) sourceId: string | null,
    @Ctx() ctx: Context,
  ) {
    return writerOf(ctx).link(from, type, to, properties, sourceId);
  }

  @Mutation(() => Boolean, { description: `Deletes the relationship; false when there was none (the triple and both nodes are checked). ${ROLES}` })
  @UseMiddleware(RequireWriter)
  unlink(@Arg('from', () => ID, { description: 'The id of the node the relationship starts at.' }) from: string, @Arg('type', () => String, { description: 'The relationship type, e.g. USES (one the model allows between the two node types).' }) type: string, @Arg('to', () => ID, { description: 'The id of the node the relationship ends at.' }) to: string, @Ctx() ctx: Context): Promise<boolean> {
    return writerOf(ctx).unlink(from, type, to);
  }

  @Mutation(() => ImportReport, {
    description:
      'Bulk import of a document in the seed format `{ source, nodes, relationships }` (seed/README.md). The whole document is validated first ' +
      '(BAD_USER_INPUT listing every error with its position and id in `extensions.errors`), then written in one transaction: all or nothing. ' +
      'MERGE by id: re-importing changes nothing. `dryRun` reports what would change and writes nothing. ' +
      `Requests are limited to 1 MB: use \`npm run import\` for larger files. ${ROLES}`,
  })
  @UseMiddleware(RequireWriter)
  importGraph(
    @Arg('document', () => JSONObjectResolver, { description: 'An import document: `{ source, nodes: [{type, id, ...}], relationships: [{from, type, to, properties?}] }`.' }) document: Record<string, unknown>,
    @Arg('dryRun', () => Boolean, { nullable: true, defaultValue: false, description: 'Count what would change; write nothing.' }) dryRun: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<ImportSummary> {
    ctx.loaders.node.clearAll();
    return importDocument(ctx.db, document, { dryRun: dryRun === true, by: writerNameOf(ctx.viewer) });
  }

  @Mutation(() => ImportReport, {
    description:
      `Bulk import of the spreadsheet form: the text of ${NODES_CSV} (\`Id,Label,Type,<properties>\`) and of ${EDGES_CSV} ` +
      '(`Source,Target,Type,Label,<properties>,sourceId`), the columns the CSV export writes. Validated, all or nothing, like importGraph; ' +
      `rows created or changed are linked to \`source:handmatige-invoer\` with who and when. ${ROLES}`,
  })
  @UseMiddleware(RequireWriter)
  importCsv(
    @Arg('nodes', () => String, { description: `The text of ${NODES_CSV}.` }) nodes: string,
    @Arg('edges', () => String, { nullable: true, description: `The text of ${EDGES_CSV}.` }) edges: string | null,
    @Arg('dryRun', () => Boolean, { nullable: true, defaultValue: false, description: 'Count what would change; write nothing.' }) dryRun: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<ImportSummary> {
    ctx.loaders.node.clearAll();
    return importCsv(ctx.db, { name: NODES_CSV, text: nodes }, edges ? { name: EDGES_CSV, text: edges } : undefined, { dryRun: dryRun === true, by: writerNameOf(ctx.viewer) });
  }
}

/** Every mutation resolver: one per node type (create/update) and the graph-wide ones. */
export const MUTATION_RESOLVERS = [
  nodeMutations(NodeType.RESEARCH, Research, inputs.CreateResearchInput, inputs.UpdateResearchInput),
  nodeMutations(NodeType.ORGANISATION, Organisation, inputs.CreateOrganisationInput, inputs.UpdateOrganisationInput),
  nodeMutations(NodeType.PERSON, Person, inputs.CreatePersonInput, inputs.UpdatePersonInput),
  nodeMutations(NodeType.MUNICIPALITY, Municipality, inputs.CreateMunicipalityInput, inputs.UpdateMunicipalityInput),
  nodeMutations(NodeType.EMPLOYEE, Employee, inputs.CreateEmployeeInput, inputs.UpdateEmployeeInput),
  nodeMutations(NodeType.PRACTICE, Practice, inputs.CreatePracticeInput, inputs.UpdatePracticeInput),
  nodeMutations(NodeType.DILEMMA, Dilemma, inputs.CreateDilemmaInput, inputs.UpdateDilemmaInput),
  nodeMutations(NodeType.CONCLUSION, Conclusion, inputs.CreateConclusionInput, inputs.UpdateConclusionInput),
  nodeMutations(NodeType.MEETING, Meeting, inputs.CreateMeetingInput, inputs.UpdateMeetingInput),
  nodeMutations(NodeType.CASE, Case, inputs.CreateCaseInput, inputs.UpdateCaseInput),
  nodeMutations(NodeType.SOURCE, Source, inputs.CreateSourceInput, inputs.UpdateSourceInput),
  GraphMutationResolver,
] as const;
