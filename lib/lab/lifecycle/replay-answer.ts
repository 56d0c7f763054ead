import { labAnswer, type LabAnswer } from '../lab-answer';

/**
 * The real endpoint's answer as relayed by a lab replay route (`{ status, body }` inside a 200), turned
 * into the answer the side-by-side panel shows. A failed relay (the lab route itself refused) is shown as is.
 */
export function relayedAnswer(request: string, relay: LabAnswer): LabAnswer {
  const body = relay.body;
  if (relay.status === 200 && typeof body === 'object' && body !== null && typeof (body as { status?: unknown }).status === 'number') {
    const { status, body: inner } = body as { status: number; body: unknown };
    return labAnswer(request, status, inner);
  }
  return labAnswer(request, relay.status, relay.body);
}
