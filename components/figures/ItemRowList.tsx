/** Rows of a per-item report (商品排行, 商品明细): each item's title and a few of its figures. */
import type { ItemRow } from '../../lib/capture/schema';
import { formatValue } from '../../lib/i18n/format';
import { metricName } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n/react';

const FIGURES_PER_ROW = 4;

export function ItemRowList({ items }: { items: readonly ItemRow[] }) {
  const { t, lang } = useI18n();
  return (
    <section className="items">
      <h2 className="section-heading">{t('items.heading', { count: items.length })}</h2>
      <ol className="result-list" data-testid="item-rows">
        {items.map((item, index) => (
          <li key={`${item.itemId ?? ''}-${index}`} className="result" data-testid="item-row">
            <span className="result-rank">{item.rank ?? index + 1}</span>
            <div className="result-body">
              <div className="result-title">{item.title ?? item.itemId ?? ''}</div>
              <div className="result-meta">
                {item.metrics.slice(0, FIGURES_PER_ROW).map((reading) => (
                  <span key={reading.metric} data-metric={reading.metric}>
                    {metricName(reading.metric, lang) ?? reading.label}{' '}
                    {formatValue(reading.value, reading.unit, lang, { bound: reading.bound, max: reading.max })}
                  </span>
                ))}
              </div>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
