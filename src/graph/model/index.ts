export * from './model.js';
export * from './slug.js';
