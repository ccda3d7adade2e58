export * from './bytes.js';
export * from './canonical-string.js';
export * from './crypto-primitives.js';
export * from './presets.js';
export * from './secret-key.js';
export * from './sign-request.js';
