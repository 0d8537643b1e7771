import { Router } from 'express';
import type { Database } from '../db/database.js';

export interface HealthOptions {
  /** `/ready` answers 503 when Neo4j has not answered within this many ms. Default 2000. */
  readyTimeoutMs?: number;
  /**
   * Whether start-up work on the database is done (migrations, the seed on first start). Until it is,
   * `/ready` answers 503 `starting` even though Neo4j answers. Default: always prepared.
   */
  prepared?: () => boolean;
  /** Whether the server is shutting down (draining requests in flight): `/ready` answers 503 `stopping` then. */
  stopping?: () => boolean;
}

/**
 * `/health`: the process is up (always 200, never touches the database).
 * `/ready`: Neo4j answers now, start-up preparation is done and no shutdown has begun (200), or not (503); load balancers
 * route on it, so it answers within `readyTimeoutMs` whatever the database does. Neither is cached.
 */
export function healthRoutes(db: Database, { readyTimeoutMs = 2_000, prepared = () => true, stopping = () => false }: HealthOptions = {}): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.set('cache-control', 'no-store').json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    if (stopping()) {
      res.status(503).set('cache-control', 'no-store').json({ status: 'stopping' });
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), readyTimeoutMs)));
    const neo4j = await Promise.race([db.ping(), timedOut]);
    clearTimeout(timer);
    const ready = neo4j && prepared();
    res
      .status(ready ? 200 : 503)
      .set('cache-control', 'no-store')
      .json({ status: ready ? 'ready' : neo4j ? 'starting' : 'unavailable', neo4j });
  });
  return router;
}
