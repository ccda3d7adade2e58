/** What a runtime lends to the signer: SHA-256 and HMAC-SHA256 over bytes. */
export interface CryptoPrimitives {
  sha256(data: Uint8Array): Uint8Array;
  hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array;
}
