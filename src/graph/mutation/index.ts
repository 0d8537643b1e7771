export * from './mutation.input.js';
export * from './mutation.type.js';
export * from './mutation.guard.js';
export * from './mutation.repository.js';
export * from './mutation.service.js';
export * from './mutation.resolver.js';
