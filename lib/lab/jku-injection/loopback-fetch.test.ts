import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedJkuUrl, fetchKeySetFromOwnOrigin, JKU_MAX_BODY_BYTES } from './loopback-fetch';

describe('the jku safety rail', () => {
  const own = 'http://127.0.0.1:3410';
  it('allows only the app’s own loopback origin', () => {
    expect(allowedJkuUrl(`${own}/api/lab/jku-injection/attacker-keys/1`, own)?.pathname).toBe('/api/lab/jku-injection/attacker-keys/1');
    for (const jku of [
      'http://127.0.0.1:3411/keys',
      'http://169.254.169.254/latest/meta-data',
      'http://example.com/keys',
      'file:///etc/passwd',
      'http://user:pw@127.0.0.1:3410/keys',
      'not a url',
      '//127.0.0.1:3410/keys',
    ]) {
      expect(allowedJkuUrl(jku, own), jku).toBeNull();
    }
    expect(allowedJkuUrl('http://10.0.0.5:3410/keys', 'http://10.0.0.5:3410')).toBeNull();
    expect(allowedJkuUrl(`${own}/keys`, null)).toBeNull();
  });

  describe('against a real loopback server', () => {
    let server: Server;
    let origin: string;
    beforeAll(async () => {
      server = createServer((request, response) => {
        if (request.url === '/redirect') {
          response.writeHead(302, { Location: '/keys' }).end();
        } else if (request.url === '/big') {
          response.end(JSON.stringify({ keys: [], pad: 'x'.repeat(JKU_MAX_BODY_BYTES) }));
        } else {
          response.setHeader('Content-Type', 'application/json').end(JSON.stringify({ keys: [{ kty: 'EC' }] }));
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('fetches a key set from its own origin, and refuses redirects, big bodies and other origins', async () => {
      await expect(fetchKeySetFromOwnOrigin(`${origin}/keys`, origin)).resolves.toEqual({ keys: [{ kty: 'EC' }] });
      await expect(fetchKeySetFromOwnOrigin(`${origin}/redirect`, origin)).rejects.toThrow();
      await expect(fetchKeySetFromOwnOrigin(`${origin}/big`, origin)).rejects.toThrow('too large');
      await expect(fetchKeySetFromOwnOrigin(`${origin}/keys`, 'http://127.0.0.1:1')).rejects.toThrow('own loopback origin');
    });
  });
});
