import { describe, expect, it } from 'vitest';
import { mergeHeaders } from '../../src/http/merge-headers.js';
import { transportErrorCode } from '../../src/http/transport-error-code.js';

describe('mergeHeaders', () => {
  it('replaces and removes headers case-insensitively, keeping the others', () => {
    const merged = mergeHeaders({ 'X-Api-Key': 'k', 'Content-Type': 'application/json', Accept: '*/*' }, { 'x-api-key': 'other', 'CONTENT-TYPE': null, 'X-New': 'n' });
    expect(merged).toEqual({ Accept: '*/*', 'x-api-key': 'other', 'X-New': 'n' });
  });
});

describe('transportErrorCode', () => {
  it.each([
    [Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }), 'connection-refused'],
    [new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })]), 'connection-refused'],
    [Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }), 'connection-reset'],
    [Object.assign(new Error('wrapped'), { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) }), 'connection-reset'],
    [Object.assign(new Error('t'), { code: 'UND_ERR_HEADERS_TIMEOUT' }), 'timeout'],
    [Object.assign(new Error('p'), { name: 'HTTPParserError' }), 'invalid-response'],
    [Object.assign(new Error('p'), { code: 'HPE_INVALID_CONSTANT' }), 'invalid-response'],
    [Object.assign(new Error('a'), { name: 'AbortError' }), 'aborted'],
    [new Error('something else'), 'other'],
    ['not even an error', 'other'],
  ] as const)('classifies %s as %s', (error, code) => {
    expect(transportErrorCode(error)).toBe(code);
  });
});
