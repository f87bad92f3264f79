/**
 * A watch's alert rules as a small form: each rule on or off; change rules with a direction,
 * a percentage and an amount (either threshold suffices). Saved as a whole.
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../../lib/i18n/react';
import { trendMetricName } from '../../lib/trends/names';
import type { ChangeDirection, WatchRow, WatchRule } from '../../lib/watch/types';

/** A number field's text as a threshold: empty or not a positive number means none. */
export function thresholdOf(text: string): number | undefined {
  const value = Number(text.trim().replace(/[,，]/g, ''));
  return text.trim() !== '' && Number.isFinite(value) && value > 0 ? value : undefined;
}

export function WatchRules({ watch, onSave }: { watch: WatchRow; onSave: (rules: WatchRule[]) => Promise<void> }) {
  const { t, lang } = useI18n();
  const [rules, setRules] = useState<WatchRule[]>(watch.rules);
  const [texts, setTexts] = useState<Record<string, { percent: string; amount: string }>>({});
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    setRules(watch.rules);
    setTexts(
      Object.fromEntries(
        watch.rules.flatMap((rule) => (rule.type === 'change' ? [[rule.id, { percent: rule.percent?.toString() ?? '', amount: rule.amount?.toString() ?? '' }]] : [])),
      ),
    );
  }, [watch.rules]);

  const change = (id: string, patch: Partial<WatchRule>) => {
    setSaved(false);
    setRules((current) => current.map((rule) => (rule.id === id ? ({ ...rule, ...patch } as WatchRule) : rule)));
  };

  const save = async () => {
    const next = rules.map((rule): WatchRule => {
      if (rule.type !== 'change') return rule;
      const { percent: _p, amount: _a, ...rest } = rule;
      const text = texts[rule.id] ?? { percent: '', amount: '' };
      const percent = thresholdOf(text.percent);
      const amount = thresholdOf(text.amount);
      return { ...rest, ...(percent !== undefined ? { percent } : {}), ...(amount !== undefined ? { amount } : {}) };
    });
    await onSave(next);
    setSaved(true);
  };

  const ruleLabel = (rule: WatchRule) => {
    switch (rule.type) {
      case 'change':
        return t('watch.rule.change', { metric: trendMetricName(rule.metric, lang) });
      case 'title':
        return t('watch.rule.title');
      case 'stock':
        return t('watch.rule.stock');
      case 'newListing':
        return t('watch.rule.newListing');
    }
  };

  return (
    <details className="watch-rules" data-testid="watch-rules">
      <summary>{t('watch.rules')}</summary>
      <ul>
        {rules.map((rule) => (
          <li key={rule.id} data-rule={rule.id}>
            <label>
              <input type="checkbox" checked={rule.enabled} onChange={(event) => change(rule.id, { enabled: event.target.checked })} /> {ruleLabel(rule)}
            </label>
            {rule.type === 'change' ? (
              <span className="watch-rule-thresholds">
                <label>
                  {t('watch.rule.percent')}
                  <input
                    inputMode="decimal"
                    size={4}
                    value={texts[rule.id]?.percent ?? ''}
                    onChange={(event) => {
                      setSaved(false);
                      setTexts((all) => ({ ...all, [rule.id]: { amount: all[rule.id]?.amount ?? '', percent: event.target.value } }));
                    }}
                  />
                </label>{' '}
                <label>
                  {t('watch.rule.amount')}
                  <input
                    inputMode="decimal"
                    size={5}
                    value={texts[rule.id]?.amount ?? ''}
                    onChange={(event) => {
                      setSaved(false);
                      setTexts((all) => ({ ...all, [rule.id]: { percent: all[rule.id]?.percent ?? '', amount: event.target.value } }));
                    }}
                  />
                </label>{' '}
                <select
                  aria-label={t('watch.rule.direction')}
                  value={rule.direction}
                  onChange={(event) => change(rule.id, { direction: event.target.value as ChangeDirection })}
                >
                  <option value="both">{t('watch.rule.direction.both')}</option>
                  <option value="up">{t('watch.rule.direction.up')}</option>
                  <option value="down">{t('watch.rule.direction.down')}</option>
                </select>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void save()}>
        {t('watch.save')}
      </button>
      {saved ? <span className="trend-note"> {t('watch.saved')}</span> : null}
    </details>
  );
}
