export * from './quotation.type.js';
export * from './quotation.input.js';
export * from './quotation.args.js';
export * from './quotation.repository.js';
export * from './quotation.resolver.js';
export * from './quotation.links.js';
