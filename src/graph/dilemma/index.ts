export * from './dilemma.type.js';
export * from './dilemma.input.js';
export * from './dilemma.args.js';
export * from './dilemma.repository.js';
export * from './dilemma.resolver.js';
