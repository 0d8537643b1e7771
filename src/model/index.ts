export * from './model.js';
export * from './slug.js';
export * from './records.js';
export * from './viewer.js';
export * from './edges.js';
export * from './search-key.js';
export * from './manual-source.js';
export * from './objects.js';
