import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { Context } from '../graph/context.js';

/**
 * The dataset's version as of a moment after the caller asked, from probes that share their round trip.
 *
 * A probe (`Database.datasetVersion`) costs a round trip. Callers that arrive while none is running start
 * one; callers that arrive while one is running wait for the next, which starts when the running one
 * ends: a probe sent before a caller asked could miss a write committed just before it asked, so it is
 * never that caller's answer. At most one probe runs and one waits, however many requests arrive.
 */
export class DatasetVersion {
  private running: Promise<string | null> | null = null;
  private next: Promise<string | null> | null = null;

  constructor(private readonly probe: () => Promise<string | null>) {}

  /** The version, or null when the probe failed or gave none (the caller then does without the cache). */
  current(): Promise<string | null> {
    if (!this.running) return this.start();
    this.next ??= this.running.then(() => {
      this.next = null;
      return this.start();
    });
    return this.next;
  }

  private start(): Promise<string | null> {
    const probe: Promise<string | null> = this.probe()
      .catch(() => null)
      .finally(() => {
        if (this.running === probe) this.running = null;
      });
    this.running = probe;
    return probe;
  }
}

export interface ResponseCacheOptions {
  /** The dataset's version per request (see `DatasetVersion`). */
  version: DatasetVersion;
  /** Most characters of stored answers (≈ bytes: the JSON is mostly one-byte text); least recently used out first. */
  maxSize: number;
}

/**
 * Apollo plugins that answer a query from an earlier identical answer while the data has not changed
 * (`RESPONSE_CACHE_MB`, off by default).
 *
 * The key is Apollo's response cache's (the document, operation name and variables) plus the dataset
 * version and the caller's role. The version (`DatasetVersion`) changes with every committed write by
 * anyone, so an answer is never older than the last write committed before its request arrived. The role
 * decides what a caller may see (`canSeeRestricted`): an editor's answer, with restricted summaries, is
 * never an anonymous caller's. Only queries without errors are stored (the plugin's rule); mutations never.
 * When the version cannot be read the request runs as if there were no cache, and reports its own errors.
 */
export function responseCachePlugins({ version, maxSize }: ResponseCacheOptions): ApolloServerPlugin<Context>[] {
  const versions = new WeakMap<Context, string | null>();
  // Without a version (the probe failed) the request neither reads nor writes the cache.
  const versionKnown = async (request: GraphQLRequestContext<Context>) => (versions.get(request.contextValue) ?? null) !== null;
  return [
    {
      // Apollo's cache-control plugin is off (it wraps every resolver); the response cache stores only
      // answers with a cache policy, so queries are given one here. The version, not the age, keeps answers
      // current; the hour only bounds how long an unused answer stays.
      async requestDidStart() {
        return {
          async didResolveOperation({ operation, overallCachePolicy }) {
            if (operation?.operation === 'query') overallCachePolicy.replace({ maxAge: 3_600, scope: 'PUBLIC' });
          },
        };
      },
    },
    ApolloServerPluginResponseCache<Context>({
      cache: new InMemoryLRUCache({ maxSize }),
      async extraCacheKeyData(request) {
        const current = await version.current();
        versions.set(request.contextValue, current);
        return { version: current, role: request.contextValue.viewer.role };
      },
      shouldReadFromCache: versionKnown,
      shouldWriteToCache: versionKnown,
    }),
  ];
}
