import { useId } from 'react';
import type { LabAnswer } from '@/lib/lab/lab-answer';

function AnswerPanel({ side, answer }: { side: 'weak' | 'real'; answer: LabAnswer | null }) {
  const heading = side === 'weak' ? 'Weak lab endpoint' : 'The app’s real endpoint';
  const tone = answer === null ? 'border-slate-300' : answer.verdict === 'accepted' ? 'border-red-600' : 'border-emerald-600';
  return (
    <section
      aria-label={heading}
      data-testid={`${side}-answer`}
      data-verdict={answer?.verdict ?? 'none'}
      className={`flex min-w-0 flex-col gap-2 rounded-lg border-2 bg-white p-3 ${tone}`}
    >
      <h3 className="font-semibold">
        {heading}
        {side === 'weak' && (
          <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-bold text-amber-950">weak on purpose</span>
        )}
      </h3>
      {answer === null ? (
        <p className="text-sm text-slate-600">Not attacked yet.</p>
      ) : (
        <>
          <p className="font-mono text-sm break-all text-slate-700">{answer.request}</p>
          <p className="text-lg font-bold">
            {answer.status === 0 ? 'no answer' : answer.status}{' '}
            <span className={answer.verdict === 'accepted' ? 'text-red-700' : 'text-emerald-700'}>
              {answer.verdict === 'accepted' ? 'attack accepted' : 'attack refused'}
            </span>
          </p>
          <pre className="max-h-48 overflow-auto rounded bg-slate-100 p-2 text-xs whitespace-pre-wrap break-all">
            {JSON.stringify(answer.body, null, 2)}
          </pre>
        </>
      )}
    </section>
  );
}

/**
 * The same attack's two answers, weak lab endpoint on the left and the app's real endpoint on the
 * right, with why they differ underneath. `data-verdict` on each panel is what the lab specs read.
 */
export function SideBySide({ weak, real, why }: { weak: LabAnswer | null; real: LabAnswer | null; why?: string }) {
  const heading = useId();
  return (
    <section aria-labelledby={heading} className="flex flex-col gap-2">
      <h2 id={heading} className="text-lg font-semibold">
        The same attack, two answers
      </h2>
      <div className="grid gap-3 md:grid-cols-2">
        <AnswerPanel side="weak" answer={weak} />
        <AnswerPanel side="real" answer={real} />
      </div>
      {why && (weak || real) && <p className="text-slate-800">{why}</p>}
    </section>
  );
}
