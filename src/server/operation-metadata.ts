import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graph/context.js';

/** The operation name a GraphQL-over-HTTP body names, if any (a batch names none). */
export function operationNameOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const name = (body as { operationName?: unknown }).operationName;
  return typeof name === 'string' && name !== '' ? name : null;
}

/**
 * Puts the resolved operation's name into the request's transaction metadata, so Neo4j's query log and
 * `SHOW TRANSACTIONS` name it even when the client sent no `operationName` (one named operation in the
 * document). An anonymous operation is recorded as its type (`query`, `mutation`).
 */
export function operationMetadata(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName, operation }) {
          const name = operationName ?? operation?.operation;
          if (name) contextValue.db.nameOperation(name);
        },
      };
    },
  };
}
