export * from './attributes.js';
export * from './formats.js';
export * from './stream.js';
export * from './network-metrics.js';
