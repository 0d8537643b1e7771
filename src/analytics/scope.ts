/** The data scope helpers for analytics (they live in the model, the ground floor, so db and export can use them too). */
export { DataScope, DATA_SCOPES, andClause, anchorInScope, elementInScope, parseScope, pathInScope, scopePredicate, whereClause } from '../model/index.js';
