import type { EventSubscription } from './event-bus';

/**
 * How long a stream may live: the credential it was opened with is checked again while it is
 * open, so a revoked session, a denied token or a logged-out admin stops receiving events.
 */
export interface StreamLifetime {
  /** Checks the credential again: null while it holds, else the reason the stream ends. */
  recheck(): Promise<string | null>;
  /** How often to re-check, at most. */
  intervalMs: number;
  /** When the credential ends by itself (an access token's exp, ms), or null. */
  expiresAt: number | null;
  now(): number;
}

const encoder = new TextEncoder();
const sse = (text: string) => encoder.encode(text);

/**
 * Server-Sent Events for one viewer. Pull-based: the runtime asks for more only when the client
 * has taken what was sent, so a slow client never makes the server buffer without bound; its
 * subscription queue drops the oldest events instead, and the stream says how many with a
 * `dropped` event. With a lifetime, each pull first re-checks the credential when a check is due
 * (every `intervalMs`, and at `expiresAt`), and a failed check sends a last `ended` event with
 * the reason and closes the stream. A client that goes away closes the subscription (abort or
 * cancel), so the bus never keeps a subscriber for nobody.
 */
export function eventStreamResponse(subscription: EventSubscription, signal: AbortSignal, lifetime?: StreamLifetime): Response {
  signal.addEventListener('abort', () => subscription.close());
  let nextCheckAt = lifetime ? Math.min(lifetime.now() + lifetime.intervalMs, lifetime.expiresAt ?? Infinity) : Infinity;

  /** The reason to end now, or null; a check that throws (store down) ends the stream too: fail closed. */
  async function endReason(): Promise<string | null> {
    if (!lifetime) return null;
    const now = lifetime.now();
    // At exp, whatever the verifier's clock tolerance would still accept.
    if (lifetime.expiresAt !== null && now >= lifetime.expiresAt) return 'token_expired';
    if (now < nextCheckAt) return null;
    nextCheckAt = Math.min(now + lifetime.intervalMs, lifetime.expiresAt ?? Infinity);
    return lifetime.recheck().catch(() => 'store_unavailable');
  }

  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(sse(`retry: 2000\n: connected\n\n`));
      },
      async pull(controller) {
        if (signal.aborted) {
          subscription.close();
          controller.close();
          return;
        }
        const reason = await endReason();
        if (reason !== null) {
          subscription.close();
          controller.enqueue(sse(`event: ended\ndata: ${JSON.stringify({ reason })}\n\n`));
          controller.close();
          return;
        }
        const waitMs = lifetime ? Math.max(0, nextCheckAt - lifetime.now()) : undefined;
        const { events, dropped } = await subscription.next(waitMs);
        let chunk = '';
        if (dropped > 0) chunk += `event: dropped\ndata: ${JSON.stringify({ dropped })}\n\n`;
        for (const event of events) chunk += `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
        controller.enqueue(sse(chunk === '' ? ': heartbeat\n\n' : chunk));
      },
      cancel() {
        subscription.close();
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
