export * from './node.type.js';
export * from './node.resolver.js';
