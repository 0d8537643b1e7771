export * from './attributes.js';
export * from './formats.js';
export * from './stream.js';
