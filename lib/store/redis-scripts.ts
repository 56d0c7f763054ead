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
