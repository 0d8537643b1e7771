export * from './case.type.js';
export * from './case.input.js';
export * from './case.args.js';
export * from './case.repository.js';
export * from './case.resolver.js';
