import 'server-only';
import { labSigningKey } from '../lab-keys';
import { verifyLabJwt, type LabJwtVerification } from './lab-jwt';

/** The lab token in `Authorization: Bearer`, checked against the lab key. */
export async function verifyLabBearer(request: Request, now: number): Promise<LabJwtVerification> {
  const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(request.headers.get('authorization') ?? '');
  if (match?.[1] === undefined) return { ok: false, reason: 'no Bearer token' };
  return verifyLabJwt(match[1], (await labSigningKey()).publicKey, now);
}
