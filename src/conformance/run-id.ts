import { randomBytes } from 'node:crypto';

/** A sortable, path-safe run id: `20261203T131500Z-a1b2c3`. */
export const newRunId = (nowMs = Date.now()): string =>
  `${new Date(nowMs).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
