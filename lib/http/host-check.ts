/**
 * Which Host values the app answers to. Without PUBLIC_ORIGIN the app's own origin is derived from
 * Host (cross-site.ts), and a DNS-rebinding page (evil.example resolving first to the attacker,
 * then to 127.0.0.1) would reach the app same-origin, with Host and Origin both evil.example, and
 * pass the cross-site check. So only names that no outside DNS answer can rebind are accepted: IP
 * literals, `localhost` and `*.localhost` (browsers resolve those to loopback themselves), plus the
 * names in ALLOWED_HOSTS. With PUBLIC_ORIGIN set the Host is trusted for nothing (a proxy in front
 * may rewrite it), so any Host passes. Pure: no Next.js, no environment.
 */
export interface HostGate {
  publicOrigin: string | null;
  allowedHosts: readonly string[];
}

export type HostCheck = { ok: true } | { ok: false; code: 'misdirected_request'; message: string };

/** The host name of a Host header value: lowercased, without port; an IPv6 literal keeps its brackets. */
function hostNameOf(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  return lower.replace(/:\d*$/, '');
}

function cannotBeRebound(name: string): boolean {
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return true;
  return /^\[[0-9a-f:.]+\]$/.test(name);
}

export function checkHost(hostHeader: string | null, requestUrl: string, gate: HostGate): HostCheck {
  if (gate.publicOrigin !== null) return { ok: true };
  const name = hostNameOf(hostHeader ?? new URL(requestUrl).host);
  if (cannotBeRebound(name) || gate.allowedHosts.includes(name)) return { ok: true };
  return {
    ok: false,
    code: 'misdirected_request',
    message: `This app does not answer to the host "${name}". Set PUBLIC_ORIGIN, or add the name to ALLOWED_HOSTS.`,
  };
}
