/**
 * The Upstash-compatible REST endpoint for tests: one copy, in scripts/upstash-rest-proxy.mjs,
 * shared with `npm run bench` (which cannot import TypeScript).
 */
export { startUpstashRestProxy, type UpstashRestProxy } from '../scripts/upstash-rest-proxy.mjs';
