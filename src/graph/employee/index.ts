export * from './employee.type.js';
export * from './employee.input.js';
export * from './employee.args.js';
export * from './employee.repository.js';
export * from './employee.resolver.js';
