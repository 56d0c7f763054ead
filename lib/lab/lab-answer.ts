/**
 * One answer to an attack, as the lab shows it: what was sent where, what came back, and whether
 * the endpoint let the attacker in. Pure, so the side-by-side panel and the tests read it alike.
 */
export interface LabAnswer {
  /** e.g. `GET /api/jwt/me` with what the attacker sent. */
  request: string;
  status: number;
  body: unknown;
  /** 2xx means the endpoint accepted the attack. */
  verdict: 'accepted' | 'refused';
}

export function labAnswer(request: string, status: number, body: unknown): LabAnswer {
  return { request, status, body, verdict: status >= 200 && status < 300 ? 'accepted' : 'refused' };
}

/** Sends one request from the browser and records the answer; a network failure is a refusal with status 0. */
export async function sendAttack(description: string, url: string, init: RequestInit = {}): Promise<LabAnswer> {
  try {
    const response = await fetch(url, { cache: 'no-store', ...init });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      // Not JSON: show the text as it came.
    }
    return labAnswer(description, response.status, body);
  } catch (error) {
    return labAnswer(description, 0, { error: 'network_error', message: error instanceof Error ? error.message : String(error) });
  }
}
