import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { RecentlyUsed } from './recently-used.js';

type DocumentStore = NonNullable<ApolloServerOptions<BaseContext>['documentStore']>;

/** How many parsed and validated documents `DocumentCache` keeps by default. */
export const DOCUMENT_CACHE_ENTRIES = 1_000;

/**
 * Apollo's store of parsed and validated documents, bounded by a number of entries (least recently used
 * out first). Apollo's default bounds its cache at 30 MiB of `JSON.stringify`, which undercounts the parsed
 * AST several times over (every node, token and location is an object): a stream of distinct queries (a
 * fuzzer, a hostile client) grew the heap by about 18 MB per 1,000 documents, up to roughly 150 MB. Real
 * clients send a handful of distinct documents; a thousand keeps them all and bounds the heap to ~15 MB.
 */
export class DocumentCache implements DocumentStore {
  private readonly entries: RecentlyUsed<string, DocumentNode>;

  constructor(maxEntries = DOCUMENT_CACHE_ENTRIES) {
    this.entries = new RecentlyUsed(maxEntries);
  }

  async get(key: string): Promise<DocumentNode | undefined> {
    return this.entries.get(key);
  }

  async set(key: string, document: DocumentNode): Promise<void> {
    this.entries.set(key, document);
  }

  async delete(key: string): Promise<boolean> {
    return this.entries.delete(key);
  }

  /** Documents held now. */
  get size(): number {
    return this.entries.size;
  }
}
