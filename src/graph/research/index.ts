export * from './research.type.js';
export * from './research.input.js';
export * from './research.args.js';
export * from './research.repository.js';
export * from './research.resolver.js';
