/**
 * One trend chart on a canvas. Drawing needs a real canvas: where there is none (jsdom) the
 * chart says so and the values stay readable in the point list beside it.
 *
 * Stable hooks: the container has `data-testid` (default `trend-chart`), `data-drawn`
 * ("true" once drawn, "false" before or when it cannot be drawn) and `data-lines` (how many
 * lines the chart holds: one per price kind, per compared item …); the first chart drawn on a
 * page sets the performance mark `shoplens:first-chart`.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n/react';
import type { TrendChartConfig } from './chartConfig';
import { Chart, drawnSignal, opaqueBackground } from './chartRuntime';

let canvasWorks: boolean | undefined;

/** Whether this document can draw on a canvas (checked once). */
function canDraw(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  if (canvasWorks === false) return null;
  let context: CanvasRenderingContext2D | null = null;
  try {
    context = canvas.getContext('2d');
  } catch {
    context = null;
  }
  canvasWorks = context !== null;
  return context;
}

export interface TrendChartProps {
  config: TrendChartConfig;
  /** Accessible name of the chart. */
  label: string;
  testId?: string;
  /** Receives the canvas once drawn (PNG export), null when it goes. */
  onCanvas?: (canvas: HTMLCanvasElement | null) => void;
}

export function TrendChart({ config, label, testId = 'trend-chart', onCanvas }: TrendChartProps) {
  const { t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [unavailable, setUnavailable] = useState(false);

  useEffect(() => {
    const container = containerRef.current;
    const canvas = canvasRef.current;
    if (!container || !canvas) return undefined;
    container.dataset.drawn = 'false';
    const context = canDraw(canvas);
    if (!context) {
      setUnavailable(true);
      return undefined;
    }
    let chart: Chart<'line', TrendChartConfig['data']['datasets'][number]['data']> | undefined;
    try {
      chart = new Chart(context, { ...config, plugins: [...(config.plugins ?? []), opaqueBackground, drawnSignal(container)] });
      onCanvas?.(canvas);
    } catch (error) {
      console.warn('ShopLens: chart failed', error);
      setUnavailable(true);
    }
    return () => {
      chart?.destroy();
      onCanvas?.(null);
    };
  }, [config, onCanvas]);

  return (
    <div className="trend-chart" ref={containerRef} data-testid={testId} data-drawn="false" data-lines={config.data.datasets.length}>
      <canvas ref={canvasRef} role="img" aria-label={label} />
      {unavailable ? <p className="trend-note">{t('trends.chartUnavailable')}</p> : null}
    </div>
  );
}
