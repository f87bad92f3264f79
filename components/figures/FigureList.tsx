/**
 * The figures read on a page. Each row: the label as the page wrote it, the canonical metric
 * name, the value in its unit with its bound or range, the page's own comparison, and peer
 * benchmarks in a separate, labelled block so they are never read as the shop's figures.
 */
import type { MetricReading } from '../../lib/capture/schema';
import { formatChange, formatValue, formatValueExact } from '../../lib/i18n/format';
import { metricName, unitName } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n/react';

export function FigureList({ readings }: { readings: readonly MetricReading[] }) {
  const { t } = useI18n();
  return (
    <section className="figures">
      <h2 className="section-heading">{t('figures.heading')}</h2>
      {readings.length === 0 ? (
        <p className="muted">{t('figures.none')}</p>
      ) : (
        <ul className="figure-list">
          {readings.map((reading, index) => (
            <FigureRow key={`${reading.metric}-${index}`} reading={reading} />
          ))}
        </ul>
      )}
    </section>
  );
}

function FigureRow({ reading }: { reading: MetricReading }) {
  const { t, lang } = useI18n();
  const canonical = metricName(reading.metric, lang) ?? t('figure.unknownMetric');
  const options = { bound: reading.bound, max: reading.max };
  const shown = formatValue(reading.value, reading.unit, lang, options);
  const exact = formatValueExact(reading.value, reading.unit, lang, options);
  const explanation =
    reading.max !== undefined
      ? t('figure.range', { range: exact })
      : reading.bound === 'atLeast'
        ? t('figure.atLeast', { value: exact })
        : exact;

  return (
    <li className="figure-row" data-testid="figure-row" data-metric={reading.metric}>
      <div className="figure-names">
        <span className="figure-label" title={t('figure.pageLabel', { label: reading.label })}>
          {reading.label}
        </span>
        {canonical !== reading.label ? (
          <span className="figure-canonical" data-testid="figure-metric-name">
            {canonical}
          </span>
        ) : null}
      </div>
      <div className="figure-main">
        <span className="figure-value" data-testid="figure-value" data-bound={reading.bound} title={explanation}>
          {shown}
        </span>
        <span className="figure-unit" data-testid="figure-unit">
          {unitName(reading.unit, lang)}
        </span>
        {reading.change ? (
          <span
            className={`figure-change ${reading.change.ratio > 0 ? 'is-up' : reading.change.ratio < 0 ? 'is-down' : ''}`}
            data-testid="figure-change"
          >
            {reading.change.basis} {formatChange(reading.change.ratio)}
          </span>
        ) : null}
      </div>
      {reading.peers && reading.peers.length > 0 ? (
        <div className="figure-peers" data-testid="figure-peers">
          <span className="figure-peers-heading">{t('figure.peers')}</span>
          <ul>
            {reading.peers.map((peer, index) => (
              <li key={`${peer.label}-${index}`} className="peer" data-testid="peer-value">
                <span className="peer-label">{peer.label}</span>{' '}
                <span className="peer-number">{formatValue(peer.value, reading.unit, lang, { max: peer.max })}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}
