export * from './meeting.type.js';
export * from './meeting.input.js';
export * from './meeting.args.js';
export * from './meeting.repository.js';
export * from './meeting.resolver.js';
