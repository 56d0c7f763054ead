import { useId } from 'react';
import { formatDuration, formatDurationTick, niceAxis, scaleToAxis } from '@/lib/costs/chart-scale';
import type { AppRoute } from '@/lib/costs/costs-snapshot';
import { projectedCostMs, type Crossover, type ProjectionBase } from '@/lib/costs/latency-projection';

const WIDTH = 640;
const HEIGHT = 300;
const LEFT = 64;
const RIGHT = 150;
const TOP = 12;
const BOTTOM = 44;

const LINES: readonly { route: AppRoute; label: string; stroke: string; dash?: string }[] = [
  { route: 'session', label: 'session (1 round trip)', stroke: 'stroke-sky-700' },
  { route: 'jwt', label: 'JWT (none)', stroke: 'stroke-amber-600', dash: '8 5' },
  { route: 'jwt-denylist', label: 'JWT + denylist (1)', stroke: 'stroke-violet-700', dash: '2 4' },
];

/** How far the latency axis goes: past the crossover and the latency measured at, at least 20 ms. */
function latencyAxisEnd(crossover: Crossover, measuredAtLatencyMs: number): number {
  const crossing = crossover.kind === 'at' ? crossover.latencyMs * 2 : 0;
  return niceAxis(Math.max(20, crossing, measuredAtLatencyMs * 1.5)).max;
}

/**
 * The projection as lines: authentication cost per request (y) against store latency (x). The
 * straight lines are the model (the measured cost plus the latency once per round trip), which
 * the caption says: only the point at the latency measured at is a measurement.
 */
export function LatencyProjectionChart({ base, crossover }: { base: ProjectionBase; crossover: Crossover }) {
  const titleId = useId();
  const descriptionId = useId();
  const xEnd = latencyAxisEnd(crossover, base.measuredAtLatencyMs);
  const xAxis = niceAxis(xEnd);
  const drawn = LINES.filter((line) => base.measuredMs[line.route] !== null);
  const yAxis = niceAxis(Math.max(...drawn.map((line) => projectedCostMs(base, line.route, xAxis.max) ?? 0)));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (latency: number) => LEFT + scaleToAxis(latency, xAxis.max, plotWidth);
  const y = (cost: number) => TOP + plotHeight - scaleToAxis(cost, yAxis.max, plotHeight);
  const labelY = spreadLabels(drawn.map((line) => y(projectedCostMs(base, line.route, xAxis.max) ?? 0) + 4));
  const spoken = drawn
    .map(
      (line) =>
        `${line.label}: ${formatDuration(projectedCostMs(base, line.route, 0) ?? 0)} at 0 ms, ${formatDuration(projectedCostMs(base, line.route, xAxis.max) ?? 0)} at ${xAxis.max} ms`,
    )
    .join('; ');

  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" role="img" aria-labelledby={`${titleId} ${descriptionId}`}>
      <title id={titleId}>Projected authentication cost per request against store latency</title>
      <desc id={descriptionId}>{spoken}</desc>
      {yAxis.ticks.map((tick) => (
        <g key={`y${tick}`}>
          <line x1={LEFT} x2={LEFT + plotWidth} y1={y(tick)} y2={y(tick)} className="stroke-slate-200" />
          <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" className="fill-slate-600 text-[13px]">
            {formatDurationTick(tick, yAxis.max)}
          </text>
        </g>
      ))}
      {xAxis.ticks.map((tick) => (
        <text key={`x${tick}`} x={x(tick)} y={TOP + plotHeight + 18} textAnchor="middle" className="fill-slate-600 text-[13px]">
          {tick} ms
        </text>
      ))}
      <text x={LEFT + plotWidth / 2} y={HEIGHT - 4} textAnchor="middle" className="fill-slate-800 text-[13px]">
        store latency per round trip
      </text>
      {crossover.kind === 'at' && crossover.latencyMs <= xAxis.max && (
        <g>
          <line
            x1={x(crossover.latencyMs)}
            x2={x(crossover.latencyMs)}
            y1={TOP}
            y2={TOP + plotHeight}
            className="stroke-slate-900"
            strokeDasharray="3 3"
          />
          <text x={x(crossover.latencyMs) + 6} y={TOP + 14} className="fill-slate-900 text-[13px] font-semibold">
            crossover {formatDuration(crossover.latencyMs)}
          </text>
        </g>
      )}
      {base.measuredAtLatencyMs > 0 && base.measuredAtLatencyMs <= xAxis.max && (
        <text x={x(base.measuredAtLatencyMs)} y={TOP + plotHeight - 6} textAnchor="middle" className="fill-slate-700 text-[12px]">
          ▲ measured
        </text>
      )}
      {drawn.map((line, index) => {
        const start = projectedCostMs(base, line.route, 0) ?? 0;
        const end = projectedCostMs(base, line.route, xAxis.max) ?? 0;
        return (
          <g key={line.route}>
            <line
              x1={x(0)}
              x2={x(xAxis.max)}
              y1={y(start)}
              y2={y(end)}
              className={line.stroke}
              strokeWidth={3}
              strokeDasharray={line.dash}
            />
            <text x={x(xAxis.max) + 6} y={labelY[index]} className="fill-slate-900 text-[13px]">
              {line.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Moves line-end labels apart so that two lines ending close together keep readable labels. */
function spreadLabels(positions: readonly number[], minimumGap = 16): number[] {
  const order = positions.map((position, index) => ({ position, index })).sort((a, b) => a.position - b.position);
  for (let i = 1; i < order.length; i++) {
    const previous = order[i - 1]!;
    const current = order[i]!;
    if (current.position - previous.position < minimumGap) current.position = previous.position + minimumGap;
  }
  const spread: number[] = [];
  for (const { position, index } of order) spread[index] = position;
  return spread;
}
