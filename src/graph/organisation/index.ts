export * from './organisation.type.js';
export * from './organisation.input.js';
export * from './organisation.args.js';
export * from './organisation.repository.js';
export * from './organisation.resolver.js';
