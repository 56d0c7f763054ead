'use client';

import { useEffect, useRef, useState } from 'react';
import { instancesSeen, styleInstances, type InstanceStyle } from '@/lib/dashboard/instances';
import type { RaceMark } from './types';

const TIMELINE_WINDOW_MS = 20_000;

const LANE_HEIGHT = 48;

export interface TimelineLane {
  id: string;
  label: string;
  marks: RaceMark[];
  /**
   * A separate service (the orders service) rather than an app instance: its answers are not
   * coloured by instance, and do not count towards "more than one instance".
   */
  service?: boolean;
}

function MarkGlyph({ mark, x, y, style }: { mark: RaceMark; x: number; y: number; style: InstanceStyle | undefined }) {
  const tag = style && (
    <text x={x} y={y - 10} textAnchor="middle" className="text-[11px] font-bold" style={{ fill: style.color }}>
      {style.tag}
    </text>
  );
  if (mark.kind === 'accepted')
    return (
      <g data-instance={mark.instance ?? undefined} data-kind="accepted">
        <circle cx={x} cy={y} r={6} className={style ? undefined : 'fill-emerald-600'} style={style && { fill: style.color }} />
        {tag}
      </g>
    );
  if (mark.kind === 'refreshed') {
    return (
      <g data-instance={mark.instance ?? undefined} data-kind="refreshed">
        <circle cx={x} cy={y} r={8} className="fill-sky-100 stroke-sky-700" strokeWidth={2} style={style && { stroke: style.color }} />
        <text x={x} y={y + 4} textAnchor="middle" className="fill-sky-800 text-[11px] font-bold">
          ↻
        </text>
        {tag}
      </g>
    );
  }
  return (
    <g data-instance={mark.instance ?? undefined} data-kind="rejected">
      <path d={`M${x - 6},${y - 6} L${x + 6},${y + 6} M${x + 6},${y - 6} L${x - 6},${y + 6}`} className="stroke-red-700" strokeWidth={3} />
      {tag}
    </g>
  );
}

/** Which instance answered: once when only one has, a colour and tag per instance otherwise. */
function InstanceLegend({ instances, styles }: { instances: string[]; styles: Map<string, InstanceStyle> }) {
  // Holds a line before the first answer, so the page below does not move when it arrives.
  if (instances.length === 0) return <p className="min-h-[1.25rem] text-sm" aria-hidden="true" />;
  if (instances.length === 1)
    return (
      <p className="min-h-[1.25rem] text-sm text-slate-700" data-testid="timeline-instances" data-count="1">
        Every request answered by instance <strong className="font-mono">{instances[0]}</strong>
      </p>
    );
  return (
    <ul
      className="flex min-h-[1.25rem] flex-wrap items-center gap-x-4 gap-y-1 text-sm"
      data-testid="timeline-instances"
      data-count={instances.length}
    >
      <li className="text-slate-700">Answered by:</li>
      {instances.map((id) => {
        const style = styles.get(id)!;
        return (
          <li key={id} className="flex items-center gap-1" data-instance={id}>
            <span aria-hidden="true" className="inline-block h-3.5 w-3.5 rounded-full" style={{ background: style.color }} />
            <strong style={{ color: style.color }}>{style.tag}</strong>
            <span className="font-mono">{id}</span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The last 20 s of requests, one lane per strategy (and the orders service): a dot for each
 * accepted request, ↻ for a refresh, ✕ for a rejection (its reason is printed at the first one),
 * and a line at the revoke. Once answers came from more than one app instance, each mark takes its
 * instance's colour and tag, with a legend below.
 */
export function RaceTimeline({ lanes, now, revokedAt }: { lanes: TimelineLane[]; now: number; revokedAt: number | null }) {
  // Drawn in CSS pixels at whatever width the page gives it, so the text stays readable on a
  // phone; the height is fixed, so nothing moves when the width is first measured.
  const svg = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(1000);
  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(240, Math.round(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const instances = instancesSeen(...lanes.filter((lane) => !lane.service).map((lane) => lane.marks));
  const styles = styleInstances(instances);
  const multi = instances.length > 1;
  const labelWidth = width < 600 ? 72 : 120;
  const height = lanes.length * LANE_HEIGHT + 30;
  const start = now - TIMELINE_WINDOW_MS;
  const x = (at: number) => labelWidth + ((at - start) / TIMELINE_WINDOW_MS) * (width - labelWidth - 10);
  const ticks = Array.from({ length: 5 }, (_, i) => i * 5_000);
  return (
    <div>
      <svg
        ref={svg}
        viewBox={`0 0 ${width} ${height}`}
        style={{ height }}
        className="block w-full"
        role="img"
        aria-label="Timeline of the last 20 seconds of requests per lane"
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(now - tick)} x2={x(now - tick)} y1={0} y2={height - 20} className="stroke-slate-200" />
            <text
              x={tick === 0 ? width : x(now - tick)}
              y={height - 6}
              textAnchor={tick === 0 ? 'end' : 'middle'}
              className="fill-slate-600 text-[12px]"
            >
              {tick === 0 ? 'now' : `-${tick / 1000}s`}
            </text>
          </g>
        ))}
        {lanes.map((lane, index) => {
          const y = index * LANE_HEIGHT + 18;
          const visible = lane.marks.filter((mark) => mark.at >= start);
          const firstRejection = visible.find((mark) => mark.kind === 'rejected' && (revokedAt === null || mark.at >= revokedAt));
          return (
            <g key={lane.id} data-testid={`lane-${lane.id}`}>
              <text x={0} y={y + 5} className="fill-slate-900 text-[15px] font-semibold">
                {lane.label}
              </text>
              <line x1={labelWidth} x2={width - 10} y1={y} y2={y} className="stroke-slate-300" strokeDasharray="2 4" />
              {visible.map((mark, i) => (
                <MarkGlyph
                  key={`${mark.at}-${i}`}
                  mark={mark}
                  x={x(mark.at)}
                  y={y}
                  style={multi && !lane.service && mark.instance !== null ? styles.get(mark.instance) : undefined}
                />
              ))}
              {firstRejection && firstRejection.code && (
                // Below the lane and to the left of the mark: recent marks crowd the right edge.
                <text x={x(firstRejection.at) - 10} y={y + 20} textAnchor="end" className="fill-red-800 text-[13px] font-semibold">
                  {firstRejection.code} ✕
                </text>
              )}
            </g>
          );
        })}
        {revokedAt !== null && revokedAt >= start && (
          <g data-testid="revoke-marker">
            <line
              x1={x(revokedAt)}
              x2={x(revokedAt)}
              y1={0}
              y2={height - 20}
              className="stroke-red-700"
              strokeWidth={2}
              strokeDasharray="6 4"
            />
            {/* At the foot of the line: the top belongs to the instance tags of the first lane. */}
            <text x={x(revokedAt) - 4} y={height - 24} textAnchor="end" className="fill-red-800 text-[12px] font-bold">
              revoke
            </text>
          </g>
        )}
      </svg>
      <InstanceLegend instances={instances} styles={styles} />
    </div>
  );
}
