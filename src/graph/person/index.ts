export * from './person.type.js';
export * from './person.input.js';
export * from './person.args.js';
export * from './person.repository.js';
export * from './person.resolver.js';
