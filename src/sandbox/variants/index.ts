export * from './catalogue.js';
export * from './variant.js';
