import type { ReactNode } from 'react';

/** One numbered step of an attack: a title, what it does, and its controls. */
export function Step({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  return (
    <section
      aria-label={`Step ${number}: ${title}`}
      className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-300 bg-white p-3"
    >
      <h2 className="font-semibold">
        <span className="mr-2 inline-flex h-6 w-6 items-center justify-center rounded-full bg-slate-900 text-sm text-white">{number}</span>
        {title}
      </h2>
      {children}
    </section>
  );
}

const TONES = {
  neutral: 'bg-slate-900 hover:bg-slate-700',
  attack: 'bg-red-700 hover:bg-red-800',
  real: 'bg-emerald-700 hover:bg-emerald-800',
} as const;

export function ActionButton({
  onClick,
  busy,
  tone = 'neutral',
  children,
}: {
  onClick: () => void;
  busy?: boolean;
  tone?: keyof typeof TONES;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      disabled={busy}
      onClick={onClick}
      className={`rounded-md px-3 py-1.5 font-semibold text-white disabled:opacity-50 ${TONES[tone]}`}
    >
      {children}
    </button>
  );
}

/** What happened so far, one line per request, newest last. */
export function ActivityLog({ lines }: { lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <ol aria-label="What happened" className="flex flex-col gap-0.5 rounded bg-slate-100 p-2 font-mono text-xs text-slate-800">
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ol>
  );
}
