import { Router } from 'express';
import type { Database } from '../db/database.js';

/**
 * `/health`: the process is up (always 200, never touches the database).
 * `/ready`: Neo4j answers now (200) or not (503); load balancers route on it.
 */
export function healthRoutes(db: Database): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    const ready = await db.ping();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', neo4j: ready });
  });
  return router;
}
