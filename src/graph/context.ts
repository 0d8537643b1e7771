import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { Loaders } from './shared/loaders.js';
import type { NodeRepository } from './shared/node.repository.js';

/** What every resolver receives: made fresh per request by the server's context function. */
export interface Context {
  requestId: string;
  db: Database;
  nodes: NodeRepository;
  loaders: Loaders;
  logger: Logger;
}
