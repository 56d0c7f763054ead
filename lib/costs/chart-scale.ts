/**
 * Axis arithmetic for the Costs view's hand-written SVG charts, and the numbers' wording. Pure.
 */

/**
 * The smallest "round" axis end (1, 2 or 5 times a power of ten) at or above `max`, and its ticks.
 * @example niceAxis(7.3) // { max: 8, ticks: [0, 2, 4, 6, 8] }
 */
export function niceAxis(max: number, targetTicks = 5): { max: number; ticks: number[] } {
  if (!Number.isFinite(max) || max <= 0) return { max: 1, ticks: [0, 0.5, 1] };
  const roughStep = max / targetTicks;
  const magnitude = 10 ** Math.floor(Math.log10(roughStep));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= roughStep) ?? 10 * magnitude;
  const end = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  // Rounded to the step's precision, so 0.1 + 0.2 does not print as 0.30000000000000004.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  for (let tick = 0; tick <= end + step / 2; tick += step) ticks.push(Number(tick.toFixed(decimals)));
  return { max: Number(end.toFixed(decimals)), ticks };
}

/** Where `value` lands on an axis of `length` pixels ending at `max`; clamped to the axis. */
export function scaleToAxis(value: number, max: number, length: number): number {
  if (max <= 0 || !Number.isFinite(value)) return 0;
  return Math.min(length, Math.max(0, (value / max) * length));
}

/** A duration as people read it: `884 µs` below a millisecond, `1.11 ms`, `35.1 ms`, `120 ms`. */
export function formatDuration(ms: number): string {
  if (ms < 1) return `${Math.round(ms * 1000)} µs`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

/** A count with thousands grouped and at most `decimals` decimals: `12,345`, `0.5`. */
export function formatCount(value: number, decimals = 0): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: decimals });
}

/** A ratio as `2.1x`. */
export function formatRatio(value: number): string {
  return `${value >= 10 ? Math.round(value) : value.toFixed(value >= 1.995 ? 1 : 2)}x`;
}

/**
 * An axis tick in the unit of the whole axis, without trailing zeros: `0 µs`, `500 µs` on an
 * axis under a millisecond; `0 ms`, `2.5 ms`, `20 ms` otherwise.
 */
export function formatDurationTick(ms: number, axisMaxMs: number): string {
  if (axisMaxMs < 1) return `${Math.round(ms * 1000)} µs`;
  return `${Number(ms.toFixed(2))} ms`;
}
