// Peer lint of the emitted schema (`npm run lint:schema`, part of `npm test`): @graphql-eslint's recommended
// schema rules and its Relay rules over schema/schema.graphql, plus a description on everything a developer
// reads in GraphiQL's docs pane. Where the schema deliberately differs from a rule, the rule is configured
// here and the reason given beside it.
import graphql from '@graphql-eslint/eslint-plugin';

/**
 * Object types that are values rather than entities, so they have no `id` of their own: Relay plumbing
 * (`*Connection`, `*Edge`, `PageInfo`), analytics results, counts, import reports, the relationship
 * types that carry a relationship's properties together with its two ends (`PracticeUse`, `ResearcherRole`, …),
 * and the `*Reached` items (a node reached through others, with its path counts).
 * Every node type implements `Node` and has `id: ID!`.
 */
const TYPES_WITHOUT_ID = [
  'PageInfo',
  // analytics results and counts
  'Subgraph',
  'SearchHit',
  'CooccurrenceMatrix',
  'SharedPractice',
  'MunicipalitySupport',
  'MunicipalitySimilarity',
  'PracticeDegree',
  'GraphStats',
  'LabelCount',
  'TypeCount',
  'NetworkMetrics',
  'QuotedDilemma',
  // import reports
  'ImportReport',
  'ImportCounts',
  'ImportLabelCounts',
  'ImportTypeCounts',
  // a relationship's properties with its ends
  'Provenance',
  'PracticeUse',
  'ResearcherRole',
  'MeetingSpeaker',
  'TalkPoint',
  'WorkingGroup',
  // a node reached through other nodes, with the paths that lead to it
  'DilemmaReached',
  'MunicipalityReached',
  'PracticeReached',
];

/** Fields whose name starts with their type's name only by accident of English (a researcher researches). */
const TYPENAME_PREFIX_ALLOWED = new Set(['Research.researchers']);

/**
 * `no-typename-prefix`, except for the fields above. The rule takes no options, and `Research.researchers`
 * is public API (DESIGN.md: names are fixed, rename nothing): its name says who they are, not "Research" + "ers".
 */
const noTypenamePrefix = graphql.rules['no-typename-prefix'];
const noTypenamePrefixExcept = {
  ...noTypenamePrefix,
  create(context) {
    const filtered = Object.create(context, {
      report: {
        value(descriptor) {
          // The rule reports with `data: { fieldName, typeName }`.
          const { fieldName, typeName } = descriptor.data ?? {};
          if (TYPENAME_PREFIX_ALLOWED.has(`${typeName}.${fieldName}`)) return;
          context.report(descriptor);
        },
      },
    });
    return noTypenamePrefix.create(filtered);
  },
};

const recommended = graphql.configs['flat/schema-recommended'].rules;
const [severity, namingOptions] = recommended['@graphql-eslint/naming-convention'];

export default [
  {
    files: ['schema/schema.graphql'],
    languageOptions: {
      parser: graphql.parser,
      parserOptions: { graphQLConfig: { schema: 'schema/schema.graphql' } },
    },
    plugins: { '@graphql-eslint': graphql, 'practice-graph': { rules: { 'no-typename-prefix': noTypenamePrefixExcept } } },
    rules: {
      ...recommended,
      ...graphql.configs['flat/schema-relay'].rules,
      // Every type, field, argument, input field and enum value is described (the recommended set asks only
      // for types and root fields): GraphiQL's docs pane is where developers read them.
      '@graphql-eslint/require-description': [
        'error',
        { types: true, rootField: true, DirectiveDefinition: true, FieldDefinition: true, InputValueDefinition: true, EnumValueDefinition: true },
      ],
      // `TypeCount` counts relationships per relationship *type* (`GraphStats.byType: [TypeCount!]!`): the
      // "Type" is its subject, not a prefix naming an object type, and the name is in DESIGN.md's contract.
      '@graphql-eslint/naming-convention': [
        severity,
        { ...namingOptions, 'ObjectTypeDefinition,ObjectTypeExtension': { forbiddenPrefixes: ['Type'], forbiddenSuffixes: ['Type'], ignorePattern: '^TypeCount$' } },
      ],
      '@graphql-eslint/no-typename-prefix': 'off',
      'practice-graph/no-typename-prefix': 'error',
      '@graphql-eslint/strict-id-in-types': ['error', { exceptions: { types: TYPES_WITHOUT_ID, suffixes: ['Connection', 'Edge'] } }],
      // Pagination is forward-only (`first`/`after`): cursors are offsets into an order that ends with `id`,
      // and nobody pages backwards through these lists. Relay allows either direction alone.
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
      // Relationship lists that do not page (`Practice.dilemmas: [Dilemma!]!`: a handful each, loaded in one
      // batched statement) and analytics results are plain lists; the Relay edge rules still apply to every
      // `*Connection` and `*Edge`.
      '@graphql-eslint/relay-edge-types': ['error', { listTypeCanWrapOnlyEdgeType: false }],
    },
  },
];
