/**
 * Whether the panel's first chart has drawn (or `fallbackMs` has passed without one).
 *
 * Opening the panel on a page with a year of history starts several readers at once: the trend
 * series, diagnostics over earlier captures, the title audit (which compiles jieba's 4 MB of
 * WebAssembly), page health, alerts. The figures and the chart are what an operator opens the
 * panel for, so the other sections mount once the chart is up; on a page with nothing to chart
 * they mount after `fallbackMs`. Measured by `npm run bench` (panel open → first chart).
 */
import { useEffect, useState } from 'react';
import { FIRST_CHART_MARK } from '../trends/chartRuntime';

function chartDrawn(): boolean {
  return typeof performance !== 'undefined' && typeof performance.getEntriesByName === 'function' && performance.getEntriesByName(FIRST_CHART_MARK).length > 0;
}

export function useAfterFirstChart(fallbackMs: number = 400): boolean {
  const [ready, setReady] = useState(chartDrawn);
  useEffect(() => {
    if (ready) return;
    let observer: PerformanceObserver | undefined;
    try {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName(FIRST_CHART_MARK).length > 0) setReady(true);
      });
      observer.observe({ type: 'mark' });
    } catch {
      // No PerformanceObserver (older engines, test DOMs): the timer alone decides.
      observer = undefined;
    }
    const timer = setTimeout(() => setReady(true), fallbackMs);
    // The mark may have been set between the first render and this effect.
    if (chartDrawn()) setReady(true);
    return () => {
      observer?.disconnect();
      clearTimeout(timer);
    };
  }, [ready, fallbackMs]);
  return ready;
}
