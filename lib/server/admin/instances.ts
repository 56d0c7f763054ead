import 'server-only';
import { listInstanceReports, type InstanceReport } from '@/lib/settings/instance-roster';
import type { RequestContext } from '../http/context';

export interface InstancesAnswer {
  /** Every live instance this store knows of (with a memory store: only the one answering). */
  instances: InstanceReport[];
  /** The settings version the answering instance serves, and when it was written. */
  settings: { version: number; updatedAt: number };
  answeredBy: string;
}

/** Every live instance and the settings version each serves, for the dashboard's Instances panel. */
export async function describeInstances(ctx: RequestContext): Promise<InstancesAnswer> {
  const instances = await listInstanceReports(ctx.store);
  const { version, updatedAt } = ctx.app.settings.state();
  return { instances, settings: { version, updatedAt }, answeredBy: ctx.app.instanceId };
}
