export * from './connect.js';
export * from './database.js';
export * from './embedded.js';
export * from './migrations.js';
export * from './fulltext.js';
export * from './synthetic.js';
export * from './ids-by-label.js';
