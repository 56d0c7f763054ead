import { describe, expect, it } from 'vitest';
import { isSecureContext } from './secure-context';

describe('isSecureContext', () => {
  it('is secure over https and on loopback hosts over http', () => {
    expect(isSecureContext('https://demo.example.org/x', 'demo.example.org', null)).toBe(true);
    expect(isSecureContext('http://127.0.0.1:3000/x', '127.0.0.1:3000', null)).toBe(true);
    expect(isSecureContext('http://localhost:3000/x', 'localhost:3000', null)).toBe(true);
  });

  it('is not secure over plain http on a LAN address', () => {
    expect(isSecureContext('http://192.168.1.20:3000/x', '192.168.1.20:3000', null)).toBe(false);
  });

  it('follows the configured public origin behind a proxy', () => {
    expect(isSecureContext('http://10.0.0.5:3000/x', '10.0.0.5:3000', 'https://demo.example.org')).toBe(true);
    expect(isSecureContext('http://127.0.0.1:3000/x', '127.0.0.1:3000', 'http://demo.example.org')).toBe(false);
  });

  it('counts a loopback public origin as secure, as the browser at that origin does (the cluster behind nginx)', () => {
    expect(isSecureContext('http://127.0.0.1:41234/x', '127.0.0.1:8080', 'http://127.0.0.1:8080')).toBe(true);
    expect(isSecureContext('http://127.0.0.1:41234/x', 'localhost:8080', 'http://localhost:8080')).toBe(true);
    // The Host a proxy forwards proves nothing once the public origin is configured.
    expect(isSecureContext('http://10.0.0.5:3000/x', '127.0.0.1', 'http://10.0.0.5:3000')).toBe(false);
  });
});
