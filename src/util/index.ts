// Small helpers every layer (and test/, bench/) may use; they import nothing of ours.
export * from './ports.js';
export * from './random.js';
export * from './order.js';
