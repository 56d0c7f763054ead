import { base64UrlEncode, encodeSegment, utf8 } from './compact-jws';

/** Garbage every weak verifier must refuse as a value (a 401), never by throwing (a 500). For tests. */
export const MALFORMED_TOKENS: readonly string[] = [
  '',
  'not-a-token',
  'a.b',
  '...',
  '%%%.%%%.%%%',
  `${encodeSegment({ alg: 'HS256' })}.${base64UrlEncode(utf8('[1,2]'))}.`,
  `${base64UrlEncode(utf8('"string"'))}.${encodeSegment({})}.`,
  `${encodeSegment({ alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' }, jku: 'http://169.254.169.254/', kid: 42 })}.${encodeSegment({ sub: 'x' })}.AAAA`,
  `${encodeSegment({ alg: 'HS256', kid: { path: '/etc/passwd' } })}.${encodeSegment({ role: 'admin' })}.`,
  `${encodeSegment({ alg: 'EdDSA', kid: 'nope' })}.${encodeSegment({ role: 'admin' })}.${'A'.repeat(86)}`,
  `${encodeSegment({ alg: 'RS256', jwk: 'not an object' })}.e30.e30`,
  'x'.repeat(20_000),
];
