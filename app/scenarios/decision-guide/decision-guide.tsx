'use client';

import Link from 'next/link';
import { useState } from 'react';
import {
  completeAnswers,
  dashboardHref,
  GUIDE_QUESTIONS,
  recommend,
  type GuideAnswers,
  type PartialAnswers,
} from '@/lib/scenarios/decision-guide';

function formatSeconds(seconds: number): string {
  return seconds >= 60 ? `${seconds / 60} min` : `${seconds} s`;
}

/** The four questions as radio groups; the recommendation appears beside them once all are answered. */
export function DecisionGuide() {
  const [answers, setAnswers] = useState<PartialAnswers>({});
  const complete = completeAnswers(answers);
  const pick = complete === null ? null : recommend(complete);
  const answered = Object.keys(answers).length;

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
      <form aria-label="Questions" className="flex flex-col gap-4" onSubmit={(event) => event.preventDefault()}>
        {GUIDE_QUESTIONS.map((question, index) => (
          <fieldset key={question.key} className="rounded-lg border border-slate-300 bg-white px-4 py-3">
            <legend className="float-left mb-1 w-full font-semibold">
              {index + 1}. {question.question}
            </legend>
            <div className="clear-both flex flex-col gap-0.5">
              {question.choices.map((choice) => (
                <label key={choice.value} className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 hover:bg-slate-50">
                  <input
                    type="radio"
                    name={question.key}
                    value={choice.value}
                    checked={answers[question.key] === choice.value}
                    onChange={() =>
                      setAnswers((previous) => ({ ...previous, [question.key]: choice.value as GuideAnswers[typeof question.key] }))
                    }
                    className="size-4 accent-violet-700"
                  />
                  {choice.label}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        {answered > 0 && (
          <button
            type="button"
            onClick={() => setAnswers({})}
            className="self-start rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
          >
            Start over
          </button>
        )}
      </form>

      <section
        aria-labelledby="recommendation-heading"
        aria-live="polite"
        data-testid="recommendation"
        data-strategy={pick?.strategy ?? 'none'}
        className="rounded-xl border border-violet-200 bg-white p-6 shadow-sm lg:sticky lg:top-6"
      >
        <h2 id="recommendation-heading" className="text-sm font-semibold uppercase tracking-wide text-violet-800">
          Recommendation
        </h2>
        {pick === null ? (
          <p className="mt-2 text-slate-700">
            Answer the four questions ({answered} of {GUIDE_QUESTIONS.length} so far). There is no single right answer: the article picks by
            use case, and so does this guide.
          </p>
        ) : (
          <>
            <p className="mt-1 text-2xl font-bold" data-testid="recommendation-title">
              {pick.title}
            </p>
            <div className="mt-3 rounded-lg bg-violet-50 px-4 py-3">
              <Link
                href={dashboardHref(pick.dashboard)}
                className="font-semibold text-violet-800 underline underline-offset-2 hover:text-violet-950"
              >
                See it on the dashboard
              </Link>
              <p className="mt-1 text-sm text-slate-700" data-testid="dashboard-setup">
                {pick.dashboard.view === 'costs'
                  ? 'The costs view. '
                  : `The revocation race, proposing access tokens of ${formatSeconds(pick.dashboard.ttlSeconds)} and the denylist ${pick.dashboard.denylist ? 'on' : 'off'} (a signed-in admin applies the proposal with one click). `}
                {pick.dashboard.watch}
              </p>
            </div>
            <h3 className="mt-4 font-semibold">Why</h3>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-800">
              {pick.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            {pick.caveats.length > 0 && (
              <>
                <h3 className="mt-4 font-semibold">What it costs</h3>
                <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-800">
                  {pick.caveats.map((caveat) => (
                    <li key={caveat}>{caveat}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </section>
    </div>
  );
}
