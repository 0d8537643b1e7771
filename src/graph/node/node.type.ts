import { Field, ID, InterfaceType } from 'type-graphql';
import { NODE_SPECS, type NodeRecord } from '../../model/index.js';

/** The GraphQL type of a node record: the model's labels are the type names. */
export const nodeTypeName = (value: NodeRecord): string => NODE_SPECS[value.__type].label;

/**
 * Every node of the graph: a stable, readable id (`municipality:breda`) and its provenance.
 * Implementations are declared with `simpleResolvers: true`: their plain fields are properties of the
 * record, read by graphql-js's default resolver instead of a type-graphql wrapper per field and row.
 */
@InterfaceType({
  description: 'Any node of the graph. Ids are stable and readable: `<type>:<slug>`, e.g. `municipality:breda`.',
  // type-graphql wraps this in an async function; buildGraphSchema puts it back as it is (src/graph/schema.ts).
  resolveType: nodeTypeName,
})
export abstract class Node {
  @Field(() => ID, { description: 'Stable and readable: `<type>:<slug>`, e.g. `municipality:breda`; never changes.' })
  id!: string;

  // Stored on every node (db/synthetic.ts), so the default resolver reads it like any property.
  @Field(() => Boolean, { description: 'Made-up, illustrative data: a synthetic Source, or a node all of whose sources are synthetic. Never a research finding.' })
  synthetic!: boolean;
}
