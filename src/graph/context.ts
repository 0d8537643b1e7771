import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { Loaders } from './shared/loaders.js';
import type { NodeRepository } from './shared/node.repository.js';
import type { Viewer } from '../model/index.js';

/** What every resolver receives: made fresh per request by the server's context function. */
export interface Context {
  requestId: string;
  db: Database;
  nodes: NodeRepository;
  loaders: Loaders;
  logger: Logger;
  /** The caller (see `Viewer`); resolvers filter restricted fields on it after loading. */
  viewer: Viewer;
  /** False when the server has no `AUTH_TOKENS`: mutations are then refused, with a message saying how to enable them. */
  writesEnabled: boolean;
}
