import type { Page } from '@playwright/test';

/** One layout shift as the browser reported it, with what moved (for a readable failure). */
export interface ShiftReport {
  total: number;
  shifts: { value: number; at: number; sources: string[] }[];
}

/**
 * Cumulative layout shift of the page so far: the browser's own `layout-shift` entries (buffered
 * since navigation), summing those not caused by recent input, as Core Web Vitals does.
 */
export function cumulativeLayoutShift(page: Page): Promise<ShiftReport> {
  return page.evaluate(
    () =>
      new Promise<ShiftReport>((resolve) => {
        interface LayoutShiftEntry extends PerformanceEntry {
          value: number;
          hadRecentInput: boolean;
          sources?: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
        }
        const describe = (node: Node | null | undefined) => {
          if (!(node instanceof Element)) return node?.nodeName ?? '?';
          const testId = node.getAttribute('data-testid');
          const text = (node.textContent ?? '').trim().slice(0, 40);
          return `${node.tagName.toLowerCase()}${testId ? `[data-testid=${testId}]` : ''} "${text}"`;
        };
        const shifts: ShiftReport['shifts'] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as LayoutShiftEntry[]) {
            if (entry.hadRecentInput) continue;
            shifts.push({
              value: entry.value,
              at: Math.round(entry.startTime),
              sources: (entry.sources ?? []).map(
                (source) => `${describe(source.node)} y ${Math.round(source.previousRect.y)}→${Math.round(source.currentRect.y)}`,
              ),
            });
          }
        });
        observer.observe({ type: 'layout-shift', buffered: true });
        // Buffered entries are delivered in a task of their own: give it two frames.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            observer.disconnect();
            resolve({ total: shifts.reduce((sum, shift) => sum + shift.value, 0), shifts });
          }),
        );
      }),
  );
}

/**
 * Text that does not fit where it is drawn: text spilling out of its box (over its neighbour),
 * text cut off by an ancestor that hides overflow, and text outside the viewport horizontally.
 * Text inside a horizontally scrollable box is fine: the reader can scroll to it.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const viewport = document.documentElement.clientWidth;
    const describe = (element: Element) => {
      const testId = element.closest('[data-testid]')?.getAttribute('data-testid');
      return `<${element.tagName.toLowerCase()}>${testId ? ` in [data-testid=${testId}]` : ''}`;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('svg, script, style, option, noscript')) continue;
      if (!parent.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true })) continue;
      // Text for screen readers only (Tailwind's sr-only: a 1 px box that clips it on purpose).
      const own = parent.getBoundingClientRect();
      if (own.width <= 1 && own.height <= 1) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const label = `"${text.slice(0, 40)}"`;
      let scrollable = false;
      for (let ancestor: Element | null = parent; ancestor; ancestor = ancestor.parentElement) {
        const overflow = getComputedStyle(ancestor).overflowX;
        if (overflow === 'auto' || overflow === 'scroll') {
          scrollable = true;
          break;
        }
        if (overflow === 'hidden' || overflow === 'clip') {
          const box = ancestor.getBoundingClientRect();
          if (rect.left < box.left - 1 || rect.right > box.right + 1) problems.push(`${label} is cut off by ${describe(ancestor)}`);
          break;
        }
      }
      if (scrollable) continue;
      let block: Element = parent;
      while (getComputedStyle(block).display.startsWith('inline') && block.parentElement) block = block.parentElement;
      const box = block.getBoundingClientRect();
      if (rect.left < box.left - 1 || rect.right > box.right + 1)
        problems.push(`${label} spills out of ${describe(block)} (${Math.round(rect.right - box.right)} px)`);
      if (rect.left < -1 || rect.right > viewport + 1)
        problems.push(`${label} is outside the viewport (x ${Math.round(rect.left)}..${Math.round(rect.right)})`);
    }
    return problems;
  });
}

/** Console errors, uncaught exceptions, failed requests and error responses seen by a page. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A navigation away cancels in-flight polls; that is not a failure of the page.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED')
      errors.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`response: ${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return errors;
}
