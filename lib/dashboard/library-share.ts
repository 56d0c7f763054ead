/**
 * Which library call alone (GET /api/costs) a request phase is set beside: the phase minus the call
 * is the share of the request around it (the framework, the event loop, the app's own checks).
 */
export type LibraryCall = 'unseal' | 'verify' | 'storeGet';

const CALL_OF_PHASE: ReadonlyMap<string, LibraryCall> = new Map([
  ['unseal', 'unseal'],
  ['verify', 'verify'],
  ['lookup', 'storeGet'],
  // One MGET of two keys; the nearest call alone is one GET.
  ['denylist', 'storeGet'],
]);

export function libraryCallOfPhase(phase: string): LibraryCall | null {
  return CALL_OF_PHASE.get(phase) ?? null;
}
