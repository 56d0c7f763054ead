import { useId } from 'react';
import { niceAxis, scaleToAxis } from '@/lib/costs/chart-scale';

export interface BarSeries {
  /** Written beside every bar of the series, so colour is never the only way to tell them apart. */
  label: string;
  /** Tailwind fill class of its bars. */
  fill: string;
  /** What a null value of this series says, when it is not the chart's `missing`. */
  missing?: string;
}

interface BarGroup {
  label: string;
  /** One value per series, in the series' order; null: not measured (drawn as such, not as 0). */
  values: readonly (number | null)[];
}

export interface BarChartProps {
  title: string;
  /** One line under the title: what is measured, and where it comes from. */
  note: string;
  series: readonly BarSeries[];
  groups: readonly BarGroup[];
  format(value: number): string;
  /** How an axis tick reads, given the axis end; `format` unless given. */
  formatTick?(value: number, axisMax: number): string;
  /** What a null value says; "not measured" unless the chart knows better. */
  missing?: string;
  /** The table's heading for the group column ("Phase", "Route"). */
  groupHeading: string;
  testId?: string;
}

const WIDTH = 640;
const SERIES_LABEL_WIDTH = 124;
const VALUE_LABEL_WIDTH = 112;
const BAR_HEIGHT = 18;
const BAR_GAP = 4;
const GROUP_LABEL_HEIGHT = 24;
const GROUP_GAP = 10;
const AXIS_HEIGHT = 24;

/**
 * A grouped horizontal bar chart in plain SVG. Each bar carries its series name and value as
 * text; the figure also has the same numbers as a table (open the "Numbers" disclosure), and the
 * SVG an aria-label that reads them out.
 */
export function BarChart({
  title,
  note,
  series,
  groups,
  format,
  formatTick,
  missing = 'not measured',
  groupHeading,
  testId,
}: BarChartProps) {
  const titleId = useId();
  const descriptionId = useId();
  const known = groups.flatMap((group) => group.values.filter((value): value is number => value !== null));
  const axis = niceAxis(Math.max(0, ...known));
  const plotWidth = WIDTH - SERIES_LABEL_WIDTH - VALUE_LABEL_WIDTH;
  const groupHeight = GROUP_LABEL_HEIGHT + series.length * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP;
  const height = groups.length * groupHeight + AXIS_HEIGHT;
  const plotBottom = groups.length * groupHeight;
  const spoken = groups
    .map(
      (group) =>
        `${group.label}: ${series.map((s, i) => `${s.label} ${describe(group.values[i] ?? null, format, s.missing ?? missing)}`).join(', ')}`,
    )
    .join('; ');

  return (
    <figure className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3" data-testid={testId}>
      <figcaption>
        <h3 id={titleId} className="text-lg font-semibold">
          {title}
        </h3>
        <p className="text-sm text-slate-700">{note}</p>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full" role="img" aria-labelledby={`${titleId} ${descriptionId}`}>
        <desc id={descriptionId}>{spoken}</desc>
        {axis.ticks.map((tick) => {
          const x = SERIES_LABEL_WIDTH + scaleToAxis(tick, axis.max, plotWidth);
          return (
            <g key={tick}>
              <line x1={x} x2={x} y1={0} y2={plotBottom} className="stroke-slate-200" />
              <text x={x} y={plotBottom + 17} textAnchor="middle" className="fill-slate-600 text-[13px]">
                {formatTick ? formatTick(tick, axis.max) : format(tick)}
              </text>
            </g>
          );
        })}
        {groups.map((group, groupIndex) => {
          const top = groupIndex * groupHeight;
          return (
            <g key={group.label}>
              <text x={0} y={top + 17} className="fill-slate-900 text-[15px] font-semibold">
                {group.label}
              </text>
              {series.map((s, seriesIndex) => {
                const value = group.values[seriesIndex] ?? null;
                const y = top + GROUP_LABEL_HEIGHT + seriesIndex * (BAR_HEIGHT + BAR_GAP);
                const length = value === null ? 0 : Math.max(1, scaleToAxis(value, axis.max, plotWidth));
                return (
                  <g key={s.label}>
                    <text x={SERIES_LABEL_WIDTH - 6} y={y + 14} textAnchor="end" className="fill-slate-700 text-[13px]">
                      {s.label}
                    </text>
                    {value !== null && <rect x={SERIES_LABEL_WIDTH} y={y} width={length} height={BAR_HEIGHT} rx={2} className={s.fill} />}
                    <text
                      x={SERIES_LABEL_WIDTH + length + 6}
                      y={y + 14}
                      className={value === null ? 'fill-slate-500 text-[13px] italic' : 'fill-slate-900 text-[14px] font-medium'}
                    >
                      {value === null ? (s.missing ?? missing) : format(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700 underline">Numbers: {title}</summary>
        <table className="mt-2 w-full border-collapse text-left">
          <thead>
            <tr>
              <th scope="col" className="border-b border-slate-300 py-1 pr-2">
                {groupHeading}
              </th>
              {series.map((s) => (
                <th key={s.label} scope="col" className="border-b border-slate-300 py-1 pr-2">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.label}>
                <th scope="row" className="border-b border-slate-100 py-1 pr-2 font-medium">
                  {group.label}
                </th>
                {series.map((s, i) => (
                  <td key={s.label} className="border-b border-slate-100 py-1 pr-2 tabular-nums">
                    {describe(group.values[i] ?? null, format, s.missing ?? missing)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function describe(value: number | null, format: (value: number) => string, missing: string): string {
  return value === null ? missing : format(value);
}
