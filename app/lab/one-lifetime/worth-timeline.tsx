import { formatDuration, stolenTokenWorth, type TokenProfile } from '@/lib/lab/one-lifetime/stolen-token-worth';

const TICKS = [1, 60, 15 * 60, 3600, 86_400, 7 * 86_400, 30 * 86_400];
const SCALE_MAX_SECONDS = 60 * 86_400;

/** Position on a log scale from 1 s to 60 d, in percent: seconds and weeks on one line. */
function position(seconds: number): number {
  return (Math.log10(Math.max(1, seconds)) / Math.log10(SCALE_MAX_SECONDS)) * 100;
}

/**
 * For each profile, how long each stolen credential keeps the thief in: the solid bar while the
 * victim goes on using the app, the faint one the most it could be worth.
 */
export function WorthTimeline({ profiles }: { profiles: readonly TokenProfile[] }) {
  return (
    <div className="flex flex-col gap-3" role="figure" aria-label="What a stolen token is worth under each profile">
      <div className="relative mr-[13.5rem] ml-[12rem] h-5 text-xs text-slate-600" aria-hidden>
        {TICKS.map((tick) => (
          <span key={tick} className="absolute -translate-x-1/2" style={{ left: `${position(tick)}%` }}>
            {formatDuration(tick)}
          </span>
        ))}
      </div>
      {profiles.map((profile) => (
        <div
          key={profile.name}
          className="flex flex-col gap-1"
          data-testid={`worth-${profile.rotatedWithReuseDetection ? 'real' : 'weak'}`}
        >
          <p className="font-semibold">{profile.name}</p>
          {stolenTokenWorth(profile).map((worth) => (
            <div key={worth.credential} className="flex items-center gap-2">
              <span className="w-[11.5rem] shrink-0 text-sm">Stolen {worth.credential}</span>
              <div className="relative h-6 flex-1 rounded bg-slate-100">
                <div
                  className={`absolute inset-y-0 left-0 rounded ${profile.rotatedWithReuseDetection ? 'bg-emerald-200' : 'bg-red-200'}`}
                  style={{ width: `${position(worth.atMostSeconds)}%` }}
                />
                <div
                  className={`absolute inset-y-0 left-0 rounded ${profile.rotatedWithReuseDetection ? 'bg-emerald-600' : 'bg-red-600'}`}
                  style={{ width: `${position(worth.whileVictimActiveSeconds)}%` }}
                />
              </div>
              <span className="w-[13rem] shrink-0 text-sm font-semibold max-sm:w-28">
                {formatDuration(worth.whileVictimActiveSeconds)}
                {worth.atMostSeconds !== worth.whileVictimActiveSeconds ? ` (at most ${formatDuration(worth.atMostSeconds)})` : ''}
              </span>
            </div>
          ))}
        </div>
      ))}
      <p className="text-sm text-slate-700">
        Log scale. Solid: what the thief keeps while the victim goes on using the app (an active victim refreshes about once per
        access-token lifetime). Faint: the most it could be worth if the victim never came back and nobody revoked anything.
      </p>
    </div>
  );
}
