export * from './catalogue.js';
export * from './fault.js';
