/** Reading a response body without ever holding more than the recording limit. */

/** The first bytes of a body, and whether more followed. */
export interface LimitedBody {
  readonly bytes: Buffer;
  /** The body was longer than the limit and has been cut (the rest is not read). */
  readonly truncated: boolean;
}

/**
 * Reads at most `maxBytes` bytes of `body`. When more arrive, keeps the first
 * `maxBytes`, stops reading and destroys the stream (undici then drops the
 * connection), so an endless body costs neither memory nor time.
 */
export async function readLimitedBody(body: AsyncIterable<Uint8Array> & { destroy(): unknown }, maxBytes: number): Promise<LimitedBody> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (length + buffer.length > maxBytes) {
      chunks.push(buffer.subarray(0, maxBytes - length));
      body.destroy();
      return { bytes: Buffer.concat(chunks), truncated: true };
    }
    chunks.push(buffer);
    length += buffer.length;
  }
  return { bytes: Buffer.concat(chunks), truncated: false };
}
