// A separate verifier that knows nothing but a JWKS file: no secret, no app code, only jose.
// Usage: node verify-with-jwks.mjs <jwks.json> <token> <nowEpochMs>
// Prints the payload as JSON and exits 0, or prints the jose error code and exits 1.
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, jwtVerify } from 'jose';

const [jwksPath, token, now] = process.argv.slice(2);
const jwks = createLocalJWKSet(JSON.parse(readFileSync(jwksPath, 'utf8')));
try {
  const { payload } = await jwtVerify(token, jwks, {
    algorithms: ['EdDSA', 'ES256'],
    issuer: 'session-vs-jwt',
    audience: 'session-vs-jwt-api',
    typ: 'at+jwt',
    requiredClaims: ['exp', 'iat', 'sub', 'jti'],
    currentDate: new Date(Number(now)),
  });
  console.log(JSON.stringify(payload));
} catch (error) {
  console.log(error?.code ?? 'ERR_UNKNOWN');
  process.exit(1);
}
