export * from './talk.type.js';
export * from './talk.repository.js';
export * from './talk.resolver.js';
