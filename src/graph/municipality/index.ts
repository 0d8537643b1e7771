export * from './municipality.type.js';
export * from './municipality.input.js';
export * from './municipality.args.js';
export * from './municipality.repository.js';
export * from './municipality.resolver.js';
