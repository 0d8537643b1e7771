/** The stable id of a relationship: at most one relationship of a type links two nodes (writes MERGE). */
export const edgeId = (source: string, type: string, target: string): string => `${source}|${type}|${target}`;
