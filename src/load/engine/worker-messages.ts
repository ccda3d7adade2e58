/** The messages between the parent and a load worker thread. */
import type { ProgressDelta } from './load-progress.js';
import type { SliceResult } from './slice-result.js';

export type ParentMessage = { readonly type: 'start'; readonly startAtMs: number } | { readonly type: 'stop' };

export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly delta: ProgressDelta }
  | { readonly type: 'done'; readonly result: SliceResult }
  | { readonly type: 'failed'; readonly message: string; readonly stack?: string };
