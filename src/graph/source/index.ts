export * from './source.type.js';
export * from './source.input.js';
export * from './source.args.js';
export * from './source.repository.js';
export * from './source.resolver.js';
