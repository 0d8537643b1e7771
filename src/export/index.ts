export * from './attributes.js';
export * from './formats.js';
export * from './stream.js';
export * from './routes.js';
