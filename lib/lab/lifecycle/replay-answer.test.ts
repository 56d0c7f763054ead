import { describe, expect, it } from 'vitest';
import { labAnswer } from '../lab-answer';
import { relayedAnswer } from './replay-answer';

describe('relayedAnswer', () => {
  it('shows the status the real endpoint answered, not the relay’s 200', () => {
    const relay = labAnswer('relay', 200, { status: 401, body: { error: 'session_invalid', message: 'gone' } });
    expect(relayedAnswer('GET /api/session/me', relay)).toEqual({
      request: 'GET /api/session/me',
      status: 401,
      body: { error: 'session_invalid', message: 'gone' },
      verdict: 'refused',
    });
  });

  it('passes a refused relay through', () => {
    const relay = labAnswer('relay', 404, { error: 'not_found', message: 'no capture' });
    expect(relayedAnswer('GET /api/session/me', relay)).toMatchObject({ status: 404, verdict: 'refused' });
  });
});
