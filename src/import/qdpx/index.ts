export * from './mapping.js';
export * from './read.js';
export * from './translate.js';
export * from './import.js';
