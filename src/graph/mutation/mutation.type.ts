import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What an import did (or, in a dry run, would do) to rows of one kind.' })
export class ImportCounts {
  @Field(() => Int, { description: 'Not in the graph before.' }) created!: number;
  @Field(() => Int, { description: 'In the graph with other values or without this provenance: written.' }) updated!: number;
  @Field(() => Int, { description: 'Already in the graph exactly so: not touched.' }) unchanged!: number;
}

@ObjectType({ description: 'Import counts of one node label.' })
export class ImportLabelCounts extends ImportCounts {
  @Field(() => String, { description: 'Node label, e.g. Practice.' }) label!: string;
}

@ObjectType({ description: 'Import counts of one relationship type.' })
export class ImportTypeCounts extends ImportCounts {
  @Field(() => String, { description: 'Relationship type, e.g. USES.' }) type!: string;
}

@ObjectType({ description: 'The summary of a bulk import: totals, then per label and per relationship type (model order).' })
export class ImportReport {
  @Field(() => Boolean, { description: 'True when nothing was written: the counts say what the import would do.' }) dryRun!: boolean;
  @Field(() => ID, { nullable: true, description: 'The document\'s source; null for row-by-row provenance (CSV).' }) sourceId!: string | null;
  @Field(() => ImportCounts, { description: 'Nodes, the document\'s source included.' }) nodes!: ImportCounts;
  @Field(() => ImportCounts, { description: 'Relationships created, and those already there.' }) relationships!: ImportCounts;
  @Field(() => [ImportLabelCounts], { description: 'Nodes per label.' }) byLabel!: ImportLabelCounts[];
  @Field(() => [ImportTypeCounts], { description: 'Relationships per type.' }) byType!: ImportTypeCounts[];
}
