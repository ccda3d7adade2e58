export * from './apply-profile-override.js';
export * from './config-file-schema.js';
export * from './config-json-schema.js';
export * from './load-config.js';
export * from './partners-from-env.js';
export * from './profile-override-schema.js';
export * from './resolve-config.js';
