export * from './analytics.type.js';
export * from './analytics.args.js';
export * from './analytics.resolver.js';
