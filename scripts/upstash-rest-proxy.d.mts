/** Types of scripts/upstash-rest-proxy.mjs (plain JavaScript, so `npm run bench` can run it without a TypeScript step). */
export interface UpstashRestProxy {
  url: string;
  token: string;
  /** Number of HTTP requests served, to show the client really went through here. */
  requestCount(): number;
  close(): Promise<void>;
}

export function startUpstashRestProxy(options: { redisUrl: string; token?: string }): Promise<UpstashRestProxy>;
