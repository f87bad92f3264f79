/**
 * A simple horizontal-bar funnel in plain React and CSS (chart.js rendering can come later).
 * Bar widths follow a log scale: a funnel spans orders of magnitude (40,000 impressions,
 * 30 buyers), and on a linear scale every stage after the first would be a hairline.
 * Each bar after the first shows the rate from the stage before it; the stage ending the rate
 * furthest below its benchmark is marked.
 *
 * Stable hooks (data-testid): funnel, funnel-stage (data-stage, data-weakest), funnel-rate.
 */
import { formatRatio, formatValue } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/react';
import type { FunnelData } from '../../lib/diagnostics/funnel';

const MIN_WIDTH_PERCENT = 4;

/** Bar width in percent of the widest stage, on a log scale. */
export function funnelBarWidth(value: number, largest: number): number {
  if (!(largest > 0) || !(value > 0)) return MIN_WIDTH_PERCENT;
  const width = (100 * Math.log10(value + 1)) / Math.log10(largest + 1);
  return Math.max(MIN_WIDTH_PERCENT, Math.min(100, width));
}

export function FunnelChart({ funnel }: { funnel: FunnelData }) {
  const { t, lang } = useI18n();
  const largest = Math.max(...funnel.stages.map((s) => s.value));
  const weakest = funnel.rates.find((r) => r.metric === funnel.weakest);
  return (
    <figure className="funnel" data-testid="funnel">
      <figcaption className="section-heading">{t('funnel.heading')}</figcaption>
      <ol className="funnel-stages">
        {funnel.stages.map((stage) => {
          const step = funnel.steps.find((s) => s.to === stage.id);
          const isWeakest = weakest?.to === stage.id;
          return (
            <li
              key={stage.id}
              className={`funnel-stage${isWeakest ? ' is-weakest' : ''}`}
              data-testid="funnel-stage"
              data-stage={stage.id}
              data-weakest={isWeakest ? 'true' : undefined}
            >
              <div className="funnel-bar" style={{ width: `${funnelBarWidth(stage.value, largest)}%` }} />
              <div className="funnel-text">
                <span className="funnel-label">{stage.label[lang]}</span>{' '}
                <span className="funnel-value">{formatValue(stage.value, 'count', lang, { bound: stage.bound })}</span>
                {step ? (
                  <span className={`funnel-rate${step.exceedsOne ? ' is-odd' : ''}`} data-testid="funnel-rate" title={step.exceedsOne ? t('funnel.notOneFunnel') : undefined}>
                    {' '}
                    ↓ {formatRatio(step.rate)}
                  </span>
                ) : null}
                {isWeakest ? <span className="funnel-weakest"> · {t('funnel.weakest')}</span> : null}
              </div>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
