/** Types for scripts/cluster.mjs, so TypeScript callers (e2e/cluster.spec.ts) import it checked. */

export interface ClusterOptions {
  /** How many `next start` instances behind the balancer (1-16; default 2). */
  instances?: number;
  /** 'redis' (default): one shared Redis. 'memory': each instance keeps its own state. */
  store?: 'redis' | 'memory';
  /** Use this Redis instead of starting one (default: REDIS_URL from the environment; null: always start one). */
  redisUrl?: string | null;
  /** The balancer's port on 127.0.0.1 (default: a free one). */
  balancerPort?: number;
  /** The orders service's key-cache window (ORDERS_JWKS_CACHE_SECONDS; default: the service's own). */
  ordersCacheSeconds?: number;
  /** Start the orders service behind the balancer at /orders (default true). */
  withOrders?: boolean;
  /** Keep the attack lab on (LAB_ENABLED=1; default false: its keys and state are per process). */
  lab?: boolean;
  /** Extra environment for every app instance (wins over the generated values). */
  env?: Record<string, string>;
  /** Called when a child exits while the cluster is meant to be running. */
  onUnexpectedExit?: (exit: { name: string; code: number | null; signal: NodeJS.Signals | null; output: string }) => void;
  /** The project directory (default: the current directory). */
  cwd?: string;
}

export interface ClusterInstance {
  /** The INSTANCE_ID it runs with, and what its X-Instance header says: app-1, app-2, ... */
  id: string;
  port: number;
  /** Its own address, bypassing the balancer. */
  url: string;
  processGroup: number;
}

export interface RunningCluster {
  /** The balancer's origin (also every instance's PUBLIC_ORIGIN): what a browser opens. */
  origin: string;
  instances: ClusterInstance[];
  /** The shared Redis; null with the memory store. */
  redis: { url: string } | null;
  /** The orders service, directly; through the balancer it is `${origin}/orders`. Null without it. */
  orders: { url: string; processGroup: number } | null;
  balancer: { processGroup: number; configPath: string };
  /** The admin password the instances run with. */
  adminPassword: string;
  /** Things worth telling whoever started the cluster (e.g. the public demo admin password). */
  notices: string[];
  /** The kept tail of one child's output: 'app-1', 'nginx', 'redis-server', 'orders service'. */
  output(name: string): string;
  /** Stops every process group it started and removes its temp dir. */
  stop(): Promise<void>;
}

export function startCluster(options?: ClusterOptions): Promise<RunningCluster>;
