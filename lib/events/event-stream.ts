import type { EventSubscription } from './event-bus';

/**
 * Server-Sent Events for one viewer. Pull-based: the runtime asks for more only when the client
 * has taken what was sent, so a slow client never makes the server buffer without bound; its
 * subscription queue drops the oldest events instead, and the stream says how many with a
 * `dropped` event.
 */
export function eventStreamResponse(subscription: EventSubscription, signal: AbortSignal): Response {
  const encoder = new TextEncoder();
  signal.addEventListener('abort', () => subscription.close());
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(`retry: 2000\n: connected\n\n`));
      },
      async pull(controller) {
        if (signal.aborted) {
          controller.close();
          return;
        }
        const { events, dropped } = await subscription.next();
        let chunk = '';
        if (dropped > 0) chunk += `event: dropped\ndata: ${JSON.stringify({ dropped })}\n\n`;
        for (const event of events) chunk += `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
        controller.enqueue(encoder.encode(chunk === '' ? ': heartbeat\n\n' : chunk));
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
