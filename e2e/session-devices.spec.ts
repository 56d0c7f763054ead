import { expect, test, type APIRequestContext } from '@playwright/test';

/** API-level journeys for one user's several devices: each request context is its own browser. */
async function logIn(request: APIRequestContext, username = 'alice', password = 'wonderland') {
  const response = await request.post('/api/session/login', { data: { username, password } });
  expect(response.status()).toBe(200);
}

async function ownSessions(request: APIRequestContext): Promise<{ id: string; current: boolean }[]> {
  const response = await request.get('/api/session/sessions');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { sessions: { id: string; current: boolean }[] }).sessions;
}

test('a user ends another of their own devices by its handle; the other device is refused at once, this one keeps working', async ({
  playwright,
  baseURL,
}) => {
  const laptop = await playwright.request.newContext({ baseURL });
  const phone = await playwright.request.newContext({ baseURL });
  try {
    await logIn(laptop);
    await logIn(phone);
    const phoneHandle = (await ownSessions(phone)).find((s) => s.current)!.id;
    expect((await ownSessions(laptop)).map((s) => s.id)).toContain(phoneHandle);

    const ended = await laptop.delete(`/api/session/sessions/${phoneHandle}`);
    expect(ended.status()).toBe(204);
    // Not the caller's own current session: its cookie is left alone.
    expect(ended.headers()['set-cookie']).toBeUndefined();
    expect((await phone.get('/api/session/me')).status()).toBe(401);
    expect((await laptop.get('/api/session/me')).status()).toBe(200);
    expect((await laptop.delete(`/api/session/sessions/${phoneHandle}`)).status()).toBe(404);
  } finally {
    await laptop.dispose();
    await phone.dispose();
  }
});

test("someone else's handle is a 404 like an unknown one and their session survives; a malformed handle is a 400", async ({
  playwright,
  baseURL,
}) => {
  const alice = await playwright.request.newContext({ baseURL });
  const bob = await playwright.request.newContext({ baseURL });
  try {
    await logIn(alice);
    await logIn(bob, 'bob', 'the-builder');
    const bobHandle = (await ownSessions(bob))[0]!.id;
    const foreign = await alice.delete(`/api/session/sessions/${bobHandle}`);
    const unknown = await alice.delete(`/api/session/sessions/${'f'.repeat(64)}`);
    expect(foreign.status()).toBe(404);
    expect(unknown.status()).toBe(404);
    expect(await foreign.json()).toEqual(await unknown.json());
    expect((await bob.get('/api/session/me')).status()).toBe(200);

    for (const handle of ['not-a-handle', 'F'.repeat(64), 'f'.repeat(63)]) {
      const malformed = await alice.delete(`/api/session/sessions/${handle}`);
      expect(malformed.status()).toBe(400);
      expect(await malformed.json()).toMatchObject({ error: 'bad_request' });
    }
  } finally {
    await alice.dispose();
    await bob.dispose();
  }
});

test("ending the current session by its handle clears this browser's cookie too", async ({ playwright, baseURL }) => {
  const device = await playwright.request.newContext({ baseURL });
  try {
    await logIn(device);
    const current = (await ownSessions(device)).find((s) => s.current)!.id;
    const ended = await device.delete(`/api/session/sessions/${current}`);
    expect(ended.status()).toBe(204);
    expect(ended.headers()['set-cookie']).toMatch(/^__Host-session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax; Secure$/);
    expect((await device.get('/api/session/me')).status()).toBe(401);
  } finally {
    await device.dispose();
  }
});
