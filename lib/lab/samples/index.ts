import type { LabCredentialSample } from '../lab-credential-sample';
import { forgeryCredentialSamples } from './forgery';
import { foundationCredentialSamples } from './foundation';
import { lifecycleCredentialSamples } from './lifecycle';
import { theftCredentialSamples } from './theft';

/** Every credential the lab issues or forges, one of each kind: what the isolation test replays against the real endpoints. */
export async function allLabCredentialSamples(): Promise<LabCredentialSample[]> {
  const groups = await Promise.all([
    foundationCredentialSamples(),
    forgeryCredentialSamples(),
    lifecycleCredentialSamples(),
    theftCredentialSamples(),
  ]);
  return groups.flat();
}
