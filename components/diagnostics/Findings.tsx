/**
 * Diagnostics findings: most severe first, each with its message, the evidence (the figure and
 * the reference it was judged against, e.g. "5.10% vs 同行均值 8.20%") and the actions to take.
 * Presentational only: give it the findings from lib/diagnostics (`diagnose` / `analyse`).
 *
 * Everything, including page text that reaches a message (item titles, peer labels), is
 * rendered as React text, never as HTML.
 *
 * Stable hooks for browser tests (data-testid): diagnostics, diagnostics-summary,
 * diagnostics-none, finding (data-severity, data-kind, data-metric), finding-message,
 * finding-evidence, finding-confidence, finding-details, finding-actions, finding-action.
 */
import { formatChange, formatValue } from '../../lib/i18n/format';
import type { Lang, MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n/react';
import { sortFindings } from '../../lib/diagnostics/findings';
import type { FunnelData } from '../../lib/diagnostics/funnel';
import type { EvidenceFigure, EvidenceReference, Finding, FindingKind, ReferenceSource, Severity } from '../../lib/diagnostics/types';
import { FunnelChart } from './FunnelChart';
import './findings.css';

// Keys written out in full so the unused-key lint finds them.
const SEVERITY_KEYS = {
  critical: 'severity.critical',
  warning: 'severity.warning',
  info: 'severity.info',
  good: 'severity.good',
} as const satisfies Record<Severity, MessageKey>;

const KIND_KEYS = {
  benchmark: 'findingKind.benchmark',
  peer: 'findingKind.peer',
  anomaly: 'findingKind.anomaly',
  funnel: 'findingKind.funnel',
  consistency: 'findingKind.consistency',
  stock: 'findingKind.stock',
  ads: 'findingKind.ads',
} as const satisfies Record<FindingKind, MessageKey>;

const SOURCE_KEYS = {
  'page-peer': 'referenceSource.pagePeer',
  settings: 'referenceSource.settings',
  default: 'referenceSource.default',
  history: 'referenceSource.history',
  'break-even': 'referenceSource.breakEven',
  budget: 'referenceSource.budget',
  capture: 'referenceSource.capture',
} as const satisfies Record<ReferenceSource, MessageKey>;

export interface FindingsProps {
  findings: readonly Finding[];
  /** Funnel chart data (lib/diagnostics `analyse(...).funnel`), shown below the findings. */
  funnel?: FunnelData;
}

export function Findings({ findings, funnel }: FindingsProps) {
  const { t } = useI18n();
  const sorted = sortFindings(findings);
  const critical = sorted.filter((f) => f.severity === 'critical').length;
  const warning = sorted.filter((f) => f.severity === 'warning').length;
  return (
    <section className="diagnostics" data-testid="diagnostics">
      <h2 className="section-heading">{t('diagnostics.heading')}</h2>
      {sorted.length === 0 ? (
        <p className="muted" data-testid="diagnostics-none">
          {t('diagnostics.none')}
        </p>
      ) : (
        <>
          <p className="diagnostics-summary" data-testid="diagnostics-summary">
            {t('diagnostics.summary', { critical, warning })}
          </p>
          <ol className="finding-list">
            {sorted.map((finding) => (
              <FindingCard key={finding.id} finding={finding} />
            ))}
          </ol>
        </>
      )}
      {funnel ? <FunnelChart funnel={funnel} /> : null}
    </section>
  );
}

function figureText(figure: Pick<EvidenceFigure, 'value' | 'max' | 'unit' | 'bound'>, lang: Lang): string {
  return formatValue(figure.value, figure.unit, lang, { bound: figure.bound, ...(figure.max !== undefined ? { max: figure.max } : {}) });
}

function referenceText(reference: EvidenceReference, lang: Lang): string {
  return formatValue(reference.value, reference.unit, lang, reference.max !== undefined ? { max: reference.max } : {});
}

function FindingCard({ finding }: { finding: Finding }) {
  const { t, lang } = useI18n();
  const { evidence } = finding;
  const value = figureText(evidence.figure, lang);
  const reference = evidence.reference;
  return (
    <li
      className={`finding is-${finding.severity}`}
      data-testid="finding"
      data-severity={finding.severity}
      data-kind={finding.kind}
      data-metric={finding.metric}
    >
      <div className="finding-head">
        <span className="finding-severity">{t(SEVERITY_KEYS[finding.severity])}</span>
        <span className="finding-kind">{t(KIND_KEYS[finding.kind])}</span>
        {evidence.period ? <span className="finding-period">{evidence.period}</span> : null}
      </div>
      <p className="finding-message" data-testid="finding-message">
        {finding.message[lang]}
      </p>
      <p className="finding-evidence" data-testid="finding-evidence">
        <span className="finding-figure-label">{evidence.figure.label[lang]}</span>{' '}
        {reference
          ? t('diagnostics.versus', { value, label: reference.label[lang], reference: referenceText(reference, lang) })
          : value}
        {evidence.gap !== undefined && Number.isFinite(evidence.gap) ? (
          <span className="finding-gap"> ({formatChange(evidence.gap)})</span>
        ) : null}
        {evidence.figure.source === 'derived' ? <span className="finding-computed"> · {t('diagnostics.computed')}</span> : null}
      </p>
      {reference ? (
        <p className="finding-reference-source" title={reference.note?.[lang]}>
          {t(SOURCE_KEYS[reference.source])}
          {reference.confidence === 'low' ? (
            <span className="finding-confidence" data-testid="finding-confidence">
              {' '}
              · {t('diagnostics.lowConfidence')}
            </span>
          ) : null}
        </p>
      ) : null}
      {evidence.details.length > 0 ? (
        <div className="finding-details" data-testid="finding-details">
          <span className="finding-subheading">{t('diagnostics.evidence')}</span>
          <ul>
            {evidence.details.map((detail, index) => (
              <li key={`${detail.label.en}-${index}`}>
                <span className="finding-detail-label">{detail.label[lang]}</span> {figureText(detail, lang)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {finding.actions.length > 0 ? (
        <div className="finding-actions" data-testid="finding-actions">
          <span className="finding-subheading">{t('diagnostics.actions')}</span>
          <ol>
            {finding.actions.map((action, index) => (
              <li key={index} data-testid="finding-action">
                {action[lang]}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </li>
  );
}
