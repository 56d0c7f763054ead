import type { ReactNode } from 'react';
import type { CookieView } from '@/lib/http/cookies';

/** What every cookie of a strategy is known to carry before the server has described it. */
export interface CookieExpectation {
  sameSite: 'Lax' | 'Strict';
  path: string;
}

function Flag({ on, label }: { on: boolean | null; label: string }) {
  const tone = on === null ? 'bg-slate-100 text-slate-700' : on ? 'bg-emerald-100 text-emerald-900' : 'bg-red-100 text-red-900';
  return (
    <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-medium ${tone}`}>
      <span aria-hidden="true">{on === null ? '…' : on ? '✓' : '✕'}</span>
      {label}
    </span>
  );
}

const Chip = ({ children }: { children: ReactNode }) => <span className="rounded bg-slate-100 px-1.5 py-0.5">{children}</span>;

/**
 * A cookie as the browser holds it: name, every attribute, size, and a redacted preview. Without
 * `cookie` (the server has not answered yet) it keeps the same shape with the values left open,
 * so nothing moves when they arrive.
 */
export function CookieFacts({ cookie, expected, testId }: { cookie: CookieView | null; expected: CookieExpectation; testId: string }) {
  const a = cookie?.attributes;
  return (
    <div data-testid={cookie ? testId : undefined} className="space-y-1" aria-busy={cookie ? undefined : true}>
      <p className="font-mono font-semibold break-all">{cookie?.name ?? '…'}</p>
      <div className="flex flex-wrap gap-1.5 text-xs">
        <Flag on={a ? a.httpOnly : null} label="HttpOnly" />
        <Flag on={a ? a.secure : null} label="Secure" />
        <Chip>SameSite={a?.sameSite ?? expected.sameSite}</Chip>
        <Chip>Path={a?.path ?? expected.path}</Chip>
        <Chip>Max-Age={a ? a.maxAgeSeconds : '…'}</Chip>
        <Chip>{cookie ? cookie.sizeBytes : '…'} bytes</Chip>
      </div>
      <p className="font-mono text-xs break-all text-slate-600">{cookie?.preview ?? '…'}</p>
    </div>
  );
}
