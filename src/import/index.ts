export * from './document.js';
export * from './writer.js';
export * from './load.js';
export * from './seed.js';
export * from './csv.js';
export * from './report.js';
