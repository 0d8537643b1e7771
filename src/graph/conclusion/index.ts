export * from './conclusion.type.js';
export * from './conclusion.input.js';
export * from './conclusion.args.js';
export * from './conclusion.repository.js';
export * from './conclusion.resolver.js';
