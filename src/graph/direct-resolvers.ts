import { getNamedType, getNullableType, isLeafType, isListType, isObjectType, type GraphQLArgument, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * Calls the field resolvers whose arguments are all scalars or enums (or lists of them) directly, as
 * type-graphql would but without its argument pipeline.
 *
 * Why: type-graphql validates every argument through an `async` function, so a field resolver with any
 * argument at all answers with a promise after a `Promise.all` and a `then`, even when the method itself
 * returns a value. Every relationship field has one (`scope`), and a nested read resolves thousands of
 * them (bench workload 2: 1,000 employees' practices, their dilemmas): the promises and microtasks were a
 * third of the API's busy time (`bench/README.md`, "Profile"). For a scalar or enum argument that pipeline
 * does nothing: its conversion returns the value as given, and our validation (`validateArgument` in
 * `schema.ts`) only looks at objects. Fields with input-object arguments (`where`, page arguments),
 * middlewares or roles keep type-graphql's resolver.
 *
 * The resolver found for a field is the one type-graphql chose (the first field resolver of the built
 * resolver classes for the object type and method), called on one instance per resolver class (the
 * default container's singletons). Returns how many fields were switched.
 */
export function callResolversDirectly(schema: GraphQLSchema, resolverClasses: readonly Function[]): number {
  const storage = getMetadataStorage();
  const candidates = storage.fieldResolvers.filter((resolver) => resolver.kind === 'internal' || resolverClasses.includes(resolver.target));
  const instances = new Map<Function, object>();
  let switched = 0;
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const interfaceFields = storage.interfaceTypes.filter((it) => objectType.interfaceClasses?.includes(it.target)).flatMap((it) => it.fields ?? []);
    for (const field of [...interfaceFields, ...(objectType.fields ?? [])]) {
      const resolver = candidates.find((it) => it.getObjectType?.() === field.target && it.methodName === field.name);
      const graphqlField = type.getFields()[field.schemaName];
      if (!resolver || resolver.kind !== 'external' || !graphqlField) continue;
      if ((resolver.middlewares?.length ?? 0) > 0 || (resolver.roles?.length ?? 0) > 0) continue;
      const params = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
      const argument = (name: string): GraphQLArgument | undefined => graphqlField.args.find((arg) => arg.name === name);
      const direct = params.every(
        (param) =>
          param.kind === 'info' ||
          (param.kind === 'context' && param.propertyName === undefined) ||
          (param.kind === 'root' && param.propertyName === undefined && param.getType === undefined) ||
          (param.kind === 'arg' && param.validateFn === undefined && leafArgument(argument(param.name))),
      );
      if (!direct) continue;
      let instance = instances.get(resolver.target);
      if (!instance) instances.set(resolver.target, (instance = new (resolver.target as new () => object)()));
      const method = (instance as Record<string, (...args: unknown[]) => unknown>)[resolver.methodName]!;
      const target = instance;
      const resolve: GraphQLFieldResolver<unknown, unknown, Record<string, unknown>> = (root, args, context, info) =>
        method.apply(
          target,
          params.map((param) => (param.kind === 'root' ? root : param.kind === 'context' ? context : param.kind === 'info' ? info : args[(param as { name: string }).name])),
        );
      graphqlField.resolve = resolve;
      switched += 1;
    }
  }
  return switched;
}

/** A scalar or enum argument, or a list of them: nothing for type-graphql to convert or validate. */
function leafArgument(arg: GraphQLArgument | undefined): boolean {
  if (!arg) return false;
  const type = getNullableType(arg.type);
  return isLeafType(type) || (isListType(type) && isLeafType(getNamedType(type)));
}
