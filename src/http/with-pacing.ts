/** The pacing layer: every attempt, retries included, waits for a slot of the shared pacer. */
import type { Dispatch } from './dispatch.js';
import type { Pacer } from './pacer.js';

/** Acquires a slot from `pacer` before passing each request on, unless the request opted out (`pace: false`). */
export function withPacing<R extends { readonly pace: boolean }>(next: Dispatch<R>, pacer: Pacer): Dispatch<R> {
  return async (request) => {
    if (request.pace) await pacer.acquire();
    return next(request);
  };
}
