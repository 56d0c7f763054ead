import { describe, expect, it } from 'vitest';
import { parseCredentials, readJsonBody } from './request-body';

const post = (body: BodyInit, contentType = 'application/json') =>
  new Request('http://127.0.0.1/api/x', { method: 'POST', body, headers: { 'content-type': contentType } });

describe('readJsonBody', () => {
  it('parses a JSON body', async () => {
    expect(await readJsonBody(post('{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
  });

  it('refuses a non-JSON content type with 415 code', async () => {
    expect(await readJsonBody(post('a=1', 'application/x-www-form-urlencoded'))).toMatchObject({
      ok: false,
      code: 'unsupported_media_type',
    });
  });

  it('refuses malformed JSON and invalid UTF-8 as bad_request', async () => {
    expect(await readJsonBody(post('{"a":'))).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await readJsonBody(post(new Uint8Array([0x7b, 0xff, 0x7d])))).toMatchObject({ ok: false, code: 'bad_request' });
  });

  it('refuses a body over the limit', async () => {
    expect(await readJsonBody(post(JSON.stringify({ pad: 'x'.repeat(100) })), 50)).toMatchObject({ ok: false, code: 'payload_too_large' });
  });

  it('stops reading an endless body without Content-Length once it passes the limit, and cancels it', async () => {
    const CHUNK = 1024;
    // Endless as far as the limit is concerned; it does end, so that code that reads the whole body
    // first fails the assertion below instead of hanging the suite.
    const GIVES_UP_AFTER = 64 * 1024 * 1024;
    let pulled = 0;
    let cancelled = false;
    // highWaterMark 0: the stream produces a chunk only when the reader asks, so `pulled` is what was read.
    const endless = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (pulled >= GIVES_UP_AFTER) return controller.close();
          pulled += CHUNK;
          controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
        },
        cancel() {
          cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request('http://127.0.0.1/api/x', {
      method: 'POST',
      body: endless,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(request.headers.get('content-length')).toBeNull();
    expect(await readJsonBody(request, 8 * 1024)).toMatchObject({ ok: false, code: 'payload_too_large' });
    expect(pulled).toBeLessThanOrEqual(8 * 1024 + CHUNK);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cancelled).toBe(true);
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>(
      { pull: (controller) => void ((pulled += 1), controller.enqueue(new Uint8Array(1))) },
      { highWaterMark: 0 },
    );
    const request = new Request('http://127.0.0.1/api/x', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'content-length': '100000' },
      duplex: 'half',
    } as RequestInit);
    expect(await readJsonBody(request)).toMatchObject({ ok: false, code: 'payload_too_large' });
    expect(pulled).toBe(0);
  });

  it('reads a body that arrives in many small chunks', async () => {
    const text = JSON.stringify({ username: 'alice', password: 'wonderland' });
    const bytes = new TextEncoder().encode(text);
    let index = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (index >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(index, index + 3));
        index += 3;
      },
    });
    const request = new Request('http://127.0.0.1/api/x', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(await readJsonBody(request)).toEqual({ ok: true, value: { username: 'alice', password: 'wonderland' } });
  });
});

describe('parseCredentials', () => {
  it('accepts two non-empty strings', () => {
    expect(parseCredentials({ username: 'alice', password: 'wonderland' })).toEqual({
      ok: true,
      username: 'alice',
      password: 'wonderland',
    });
  });

  it.each([
    [null],
    [[]],
    ['alice'],
    [{ username: 'alice' }],
    [{ username: 1, password: 'x' }],
    [{ username: 'a', password: ['x'] }],
    [{ username: ' ', password: 'x' }],
    [{ username: 'a'.repeat(65), password: 'x' }],
  ])('rejects %j', (value) => {
    expect(parseCredentials(value).ok).toBe(false);
  });
});
