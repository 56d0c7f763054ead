import 'server-only';
import { hostname } from 'node:os';
import { getConfig } from './config';

/** The name this process shows on the dashboard: INSTANCE_ID, or host and pid. */
export function getInstanceId(): string {
  return getConfig().instanceId ?? `${hostname()}:${process.pid}`;
}
