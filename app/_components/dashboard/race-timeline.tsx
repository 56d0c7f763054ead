'use client';

import { useEffect, useRef, useState } from 'react';
import type { RaceMark } from './types';

const TIMELINE_WINDOW_MS = 20_000;

const LANE_HEIGHT = 48;

function MarkGlyph({ mark, x, y }: { mark: RaceMark; x: number; y: number }) {
  if (mark.kind === 'accepted') return <circle cx={x} cy={y} r={6} className="fill-emerald-600" />;
  if (mark.kind === 'refreshed') {
    return (
      <g>
        <circle cx={x} cy={y} r={8} className="fill-sky-100 stroke-sky-700" strokeWidth={2} />
        <text x={x} y={y + 4} textAnchor="middle" className="fill-sky-800 text-[11px] font-bold">
          ↻
        </text>
      </g>
    );
  }
  return (
    <g>
      <path d={`M${x - 6},${y - 6} L${x + 6},${y + 6} M${x + 6},${y - 6} L${x - 6},${y + 6}`} className="stroke-red-700" strokeWidth={3} />
    </g>
  );
}

/**
 * The last 20 s of requests, one lane per strategy: a dot for each accepted request, ↻ for a
 * refresh, ✕ for a rejection (its reason is printed at the first one), and a line at the revoke.
 */
export function RaceTimeline({
  lanes,
  now,
  revokedAt,
}: {
  lanes: { id: string; label: string; marks: RaceMark[] }[];
  now: number;
  revokedAt: number | null;
}) {
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
  const labelWidth = width < 600 ? 72 : 120;
  const height = lanes.length * LANE_HEIGHT + 30;
  const start = now - TIMELINE_WINDOW_MS;
  const x = (at: number) => labelWidth + ((at - start) / TIMELINE_WINDOW_MS) * (width - labelWidth - 10);
  const ticks = Array.from({ length: 5 }, (_, i) => i * 5_000);
  return (
    <svg
      ref={svg}
      viewBox={`0 0 ${width} ${height}`}
      style={{ height }}
      className="block w-full"
      role="img"
      aria-label="Timeline of the last 20 seconds of requests per strategy"
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
              <MarkGlyph key={`${mark.at}-${i}`} mark={mark} x={x(mark.at)} y={y} />
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
          <text x={x(revokedAt) - 4} y={10} textAnchor="end" className="fill-red-800 text-[12px] font-bold">
            revoke
          </text>
        </g>
      )}
    </svg>
  );
}
