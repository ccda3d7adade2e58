/**
 * Receiving the request body for contract §1 (the signature covers the exact
 * body bytes) and §3 (bodies over `maxBodyBytes` → 400).
 *
 * The choice for large bodies: authentication needs the SHA-256 of every byte,
 * but not the bytes themselves. So bytes are kept only up to `maxBodyBytes`;
 * past that they are hashed as they stream by and dropped, and the request
 * is still authenticated (an unauthenticated huge body gets 401, as §2 orders)
 * before it is answered 400. Past `hardCapBytes` (or when Content-Length
 * announces more) the sandbox stops reading, answers 400 at once and closes
 * the connection: no client can make it hash without end. Only then is the
 * order of §2 bent, for bodies no partner sends.
 */
import { createHash, hash, type Hash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface ReceivedBody {
  /** The exact bytes, when there were at most `maxBodyBytes`; otherwise empty. */
  readonly bytes: Buffer;
  /** Total bytes received. */
  readonly length: number;
  /** Lowercase hex SHA-256 of every byte received. */
  readonly sha256: string;
  /** More than `maxBodyBytes` arrived. */
  readonly tooLarge: boolean;
  /** More than `hardCapBytes` arrived or were announced: reading stopped, the hash is incomplete. */
  readonly overHardCap: boolean;
}

export interface BodyLimits {
  readonly maxBodyBytes: number;
  readonly hardCapBytes: number;
}

const empty = Buffer.alloc(0);
const emptySha256 = hash('sha256', empty, 'hex');

/** Reads `req`'s body within `limits`; rejects when the client goes away first. */
export function readBody(req: IncomingMessage, limits: BodyLimits): Promise<ReceivedBody> {
  const announced = Number(req.headers['content-length']);
  if (announced > limits.hardCapBytes) {
    req.pause();
    return Promise.resolve({ bytes: empty, length: announced, sha256: '', tooLarge: true, overHardCap: true });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let hasher: Hash | undefined;
    let settled = false;
    const settle = (body: ReceivedBody | Error) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onClose);
      if (body instanceof Error) reject(body);
      else resolve(body);
    };
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > limits.hardCapBytes) {
        req.pause();
        settle({ bytes: empty, length, sha256: '', tooLarge: true, overHardCap: true });
        return;
      }
      if (hasher) {
        hasher.update(chunk);
        return;
      }
      chunks.push(chunk);
      if (length > limits.maxBodyBytes) {
        hasher = createHash('sha256');
        for (const kept of chunks) hasher.update(kept);
        chunks.length = 0;
      }
    };
    const onEnd = () => {
      if (hasher) {
        settle({ bytes: empty, length, sha256: hasher.digest('hex'), tooLarge: true, overHardCap: false });
        return;
      }
      const bytes = chunks.length === 1 ? chunks[0]! : chunks.length === 0 ? empty : Buffer.concat(chunks, length);
      settle({ bytes, length, sha256: length === 0 ? emptySha256 : hash('sha256', bytes, 'hex'), tooLarge: false, overHardCap: false });
    };
    const onClose = () => settle(new Error('The client closed the connection before the body was complete'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.on('error', onClose);
  });
}
