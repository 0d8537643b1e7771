export * from './practice.type.js';
export * from './practice.input.js';
export * from './practice.args.js';
export * from './practice.repository.js';
export * from './practice.resolver.js';
