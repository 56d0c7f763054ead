/**
 * Lua scripts shared by the Redis and Upstash drivers. Redis runs a script atomically, which is
 * what makes "delete every session of this user" and "start a rate-limit window on the first hit"
 * single operations instead of read-then-write races between app instances.
 */

/** KEYS[1] = index set, ARGV[1] = member, ARGV[2] = ttl in ms or "" for none. */
export const ADD_TO_INDEX_SCRIPT = `
local existed = redis.call('EXISTS', KEYS[1])
redis.call('SADD', KEYS[1], ARGV[1])
if ARGV[2] == '' then
  redis.call('PERSIST', KEYS[1])
else
  local wanted = tonumber(ARGV[2])
  local current = redis.call('PTTL', KEYS[1])
  if existed == 0 or (current >= 0 and current < wanted) then
    redis.call('PEXPIRE', KEYS[1], wanted)
  end
end
return 1
`;

/** KEYS[1] = index set. Returns how many member keys existed. */
export const DELETE_INDEX_AND_MEMBERS_SCRIPT = `
local members = redis.call('SMEMBERS', KEYS[1])
local deleted = 0
for _, member in ipairs(members) do
  deleted = deleted + redis.call('DEL', member)
end
redis.call('DEL', KEYS[1])
return deleted
`;

/** KEYS[1] = counter, ARGV[1] = window in ms. */
export const INCREMENT_SCRIPT = `
local value = redis.call('INCR', KEYS[1])
if value == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return value
`;

/** Redis answers PTTL with -2 (no key) or -1 (no expiry); the Store interface says null for both. */
export function timeToLiveFromPttl(reply: number): number | null {
  return reply < 0 ? null : reply;
}

/**
 * KEYS[1] = stream, ARGV[1] = approximate max length, ARGV[2..] = values. One round trip for a
 * whole batch of events; "~" lets Redis trim in whole nodes, which is much cheaper.
 */
export const APPEND_TO_LOG_SCRIPT = `
local ids = {}
for i = 2, #ARGV do
  ids[#ids + 1] = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'v', ARGV[i])
end
return ids
`;

/**
 * KEYS[1] = stream, ARGV[1] = id to read after ("" = just report the newest id), ARGV[2] = count.
 * A script rather than XRANGE itself so both drivers get the same raw reply shape.
 */
export const READ_LOG_SCRIPT = `
if ARGV[1] == '' then
  return redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
end
return redis.call('XRANGE', KEYS[1], '(' .. ARGV[1], '+', 'COUNT', tonumber(ARGV[2]))
`;

/** Turns a READ_LOG_SCRIPT reply into what Store.readLog promises. */
export function readLogResult(reply: unknown, afterId: string | null): { entries: { id: string; value: string }[]; lastId: string } {
  const entries = logEntriesFromReply(reply);
  if (afterId === null) return { entries: [], lastId: entries[0]?.id ?? '0-0' };
  return { entries, lastId: entries.at(-1)?.id ?? afterId };
}

/** XRANGE / XREVRANGE reply ([[id, [field, value, ...]], ...]) to log entries. */
function logEntriesFromReply(reply: unknown): { id: string; value: string }[] {
  if (!Array.isArray(reply)) return [];
  const entries: { id: string; value: string }[] = [];
  for (const item of reply) {
    if (!Array.isArray(item) || typeof item[0] !== 'string' || !Array.isArray(item[1])) continue;
    const fields = item[1] as unknown[];
    const index = fields.indexOf('v');
    const value = index >= 0 ? fields[index + 1] : undefined;
    if (typeof value === 'string') entries.push({ id: item[0], value });
  }
  return entries;
}
