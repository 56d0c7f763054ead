import type { StoreHealth } from '@/lib/store/health';
import {
  formatDelay,
  instancesSeen,
  refusalsByInstance,
  settingsReach,
  styleInstances,
  type RefusalAfterRevoke,
  type SettingsReach,
} from '@/lib/dashboard/instances';
import type { RaceMark } from './types';
import type { InstanceRoster } from './use-instance-roster';

export interface InstancesPanelProps {
  sessionMarks: RaceMark[];
  jwtMarks: RaceMark[];
  /** Null when no resource service runs here. */
  ordersMarks: RaceMark[] | null;
  revokedAt: number | null;
  roster: InstanceRoster;
  adminSignedIn: boolean;
  driver: StoreHealth['driver'] | null;
}

function SettingsCell({ reach, adminSignedIn }: { reach: SettingsReach | undefined; adminSignedIn: boolean }) {
  if (reach === undefined) return <span className="text-slate-500">{adminSignedIn ? '…' : 'admin only'}</span>;
  if (reach.state === 'defaults') return <span className="text-slate-600">defaults</span>;
  if (reach.state === 'behind') return <span className="font-semibold text-amber-800">still v{reach.version}</span>;
  if (reach.state === 'at-start') return <span title="This instance read the version when it started">v{reach.version} at start</span>;
  return (
    <span data-testid="settings-delay">
      v{reach.version} <strong>+{formatDelay(reach.afterMs)}</strong>
    </span>
  );
}

function RefusalCell({ refusal, revoked }: { refusal: RefusalAfterRevoke | undefined; revoked: boolean }) {
  if (!revoked) return <span className="text-slate-500">–</span>;
  if (refusal === undefined) return <span className="text-slate-500">not asked</span>;
  if (refusal.state === 'accepting')
    return (
      <span className="font-semibold text-amber-800" title="Every answer from this instance since the revoke was an acceptance">
        accepted
      </span>
    );
  return (
    <strong className="text-red-800" title={refusal.code ?? undefined}>
      {formatDelay(refusal.afterMs)}
    </strong>
  );
}

/**
 * Per instance: when the latest settings reached it (the servers' own clocks: adopted minus
 * written), and after a revoke how long until it served its first refusal in each lane (this
 * page's clock). Small with one instance: one row.
 */
export function InstancesPanel(props: InstancesPanelProps) {
  const { revokedAt, roster, adminSignedIn } = props;
  const appInstances = instancesSeen(
    props.sessionMarks,
    props.jwtMarks,
    roster.reports.map((report) => ({ instance: report.id })),
  );
  const styles = styleInstances(appInstances);
  const multi = appInstances.length > 1;
  const reach = new Map(roster.settings ? settingsReach(roster.reports, roster.settings).map((row) => [row.id, row]) : []);
  const session = refusalsByInstance(props.sessionMarks, revokedAt);
  const jwt = refusalsByInstance(props.jwtMarks, revokedAt);
  const orders = props.ordersMarks === null ? null : refusalsByInstance(props.ordersMarks, revokedAt);
  const ordersInstances = props.ordersMarks === null ? [] : instancesSeen(props.ordersMarks);
  const revoked = revokedAt !== null;
  const cell = 'whitespace-nowrap px-2 py-0.5 text-left';
  return (
    <section
      aria-labelledby="instances-title"
      data-testid="instances-panel"
      data-instances={appInstances.length}
      className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h3 id="instances-title" className="font-semibold">
        Instances
        <span className="font-normal text-slate-600">
          {appInstances.length === 0
            ? ': none answered yet'
            : multi
              ? `: ${appInstances.length} seen (answers and the store's roster)`
              : ': one answered every request (npm run start:cluster runs several behind a load balancer)'}
        </span>
      </h3>
      {appInstances.length > 0 && (
        <div className="max-w-full overflow-x-auto">
          <table className="mt-1 text-sm">
            <thead className="text-slate-600">
              <tr>
                <th className={cell}>instance</th>
                <th className={cell}>settings</th>
                <th className={cell}>session</th>
                <th className={cell}>JWT</th>
                {orders !== null && <th className={cell}>orders</th>}
              </tr>
            </thead>
            <tbody>
              {appInstances.map((id) => {
                const style = styles.get(id)!;
                return (
                  <tr key={id} data-instance={id}>
                    <td className={`${cell} font-mono`}>
                      {multi && (
                        <span aria-hidden="true" className="mr-1 font-sans font-bold" style={{ color: style.color }}>
                          ● {style.tag}
                        </span>
                      )}
                      {id}
                    </td>
                    <td className={cell}>
                      <SettingsCell reach={reach.get(id)} adminSignedIn={adminSignedIn} />
                    </td>
                    <td className={cell} data-lane="session">
                      <RefusalCell refusal={session.get(id)} revoked={revoked} />
                    </td>
                    <td className={cell} data-lane="jwt">
                      <RefusalCell refusal={jwt.get(id)} revoked={revoked} />
                    </td>
                    {orders !== null && <td className={`${cell} text-slate-500`}>·</td>}
                  </tr>
                );
              })}
              {orders !== null &&
                ordersInstances.map((id) => (
                  <tr key={`orders-${id}`} data-instance={id}>
                    <td className={`${cell} font-mono`}>{id}</td>
                    <td className={`${cell} text-slate-600`}>none</td>
                    <td className={`${cell} text-slate-500`}>·</td>
                    <td className={`${cell} text-slate-500`}>·</td>
                    <td className={cell} data-lane="orders">
                      <RefusalCell refusal={orders.get(id)} revoked={revoked} />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
      {appInstances.length > 0 && (
        <p className="mt-1 text-xs text-slate-600">
          Settings: the latest version, and how long after the change this instance adopted it (server clocks). Session, JWT
          {orders === null ? '' : ', orders'}: first refusal after the revoke (this page&apos;s clock).
        </p>
      )}
      {revoked && multi && (
        <p className="mt-1 text-xs text-slate-600">
          A lane stops at its first refusal (the server clears that cookie), so only the instance that served it has a time.
        </p>
      )}
      {props.driver === 'memory' && multi && <MemoryClusterLesson />}
    </section>
  );
}

/** Shown when a memory store answers from more than one instance: the failure is the lesson. */
function MemoryClusterLesson() {
  return (
    <div
      className="mt-2 rounded-lg border-2 border-amber-500 bg-amber-50 p-3 text-amber-950"
      data-testid="memory-cluster-lesson"
      role="note"
    >
      <p className="font-bold">Lesson: a memory store in a cluster</p>
      <p>
        Each instance keeps its own memory. A session created on one instance is unknown to the other, so the session lane is refused as
        soon as the balancer sends it to the instance that did not log it in: the refusal follows the instance, not a revoke. Access tokens
        keep verifying on every instance, because each holds the same signing keys and needs nothing else. With Redis (REDIS_URL) every
        instance reads the same records, and both strategies work everywhere.
      </p>
    </div>
  );
}
