/**
 * A title's audit: length bar against the limit with the cut point, findings grouped by
 * severity (reason and the rule behind it), tokens coloured by role, and keyword suggestions
 * when given. Presentational only: the caller runs `auditTitle` (with tokens from a segmenter
 * it loaded, lib/titles/segment-web.ts) and `suggestKeywords`.
 *
 * The title is page or operator text: it is rendered as React text, never as HTML.
 *
 * Stable hooks for tests (data-testid): title-audit, title-length, title-length-bar,
 * title-kept, title-cut, title-findings-none, title-findings (data-severity), title-finding
 * (data-rule), title-tokens, title-token (data-role), title-suggestions, title-missing,
 * title-covered, title-weak, title-rewrite.
 */
import type { CSSProperties } from 'react';
import { platformName, t, type Lang, type MessageKey } from '../../lib/i18n';
import type { TitleAudit as TitleAuditResult, TitleFinding } from '../../lib/titles/audit';
import type { LimitSource } from '../../lib/titles/length';
import type { SuggestionReport } from '../../lib/titles/suggest';
import type { Platform, Severity, TokenRole } from '../../lib/titles/types';
import './title-audit.css';

// Keys written out in full so the unused-key lint finds them.
const SEVERITY_KEYS = {
  error: 'titles.severity.error',
  warning: 'titles.severity.warning',
  info: 'titles.severity.info',
} as const satisfies Record<Severity, MessageKey>;

const ROLE_KEYS = {
  brand: 'titles.role.brand',
  product: 'titles.role.product',
  attribute: 'titles.role.attribute',
  marketing: 'titles.role.marketing',
  longtail: 'titles.role.longtail',
  other: 'titles.role.other',
} as const satisfies Record<TokenRole, MessageKey>;

const LIMIT_SOURCE_KEYS = {
  editor: 'titles.limitSource.editor',
  setting: 'titles.limitSource.setting',
  default: 'titles.limitSource.default',
} as const satisfies Record<LimitSource, MessageKey>;

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];
const ROLE_ORDER: readonly TokenRole[] = ['brand', 'product', 'attribute', 'marketing', 'longtail', 'other'];

export interface TitleAuditProps {
  title: string;
  platform: Platform;
  lang: Lang;
  result: TitleAuditResult;
  suggestions?: SuggestionReport;
}

export function TitleAudit({ title, platform, lang, result, suggestions }: TitleAuditProps) {
  return (
    <section className="title-audit" data-testid="title-audit" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <h2 className="section-heading">
        {t('titles.heading', lang)} · {platformName(platform, lang)}
      </h2>
      <LengthBar title={title} lang={lang} result={result} />
      <FindingGroups lang={lang} findings={result.findings} />
      <Tokens lang={lang} result={result} />
      {suggestions ? <Suggestions lang={lang} report={suggestions} /> : null}
    </section>
  );
}

function LengthBar({ title, lang, result }: { title: string; lang: Lang; result: TitleAuditResult }) {
  const share = result.limit > 0 ? Math.min(1, result.length / result.limit) : 1;
  const style = { '--fill': `${(share * 100).toFixed(1)}%` } as CSSProperties;
  const cut = result.cutAt;
  return (
    <div className="title-length" data-testid="title-length">
      <div className="title-length-figures">
        <span>{t('titles.length', lang, { length: result.length, limit: result.limit })}</span>
        <span className={result.overLimit ? 'title-over' : 'muted'}>
          {result.overLimit
            ? t('titles.overBy', lang, { count: -result.roomLeft })
            : t('titles.roomLeft', lang, { count: result.roomLeft })}
        </span>
      </div>
      <div
        className={`title-length-bar${result.overLimit ? ' is-over' : ''}`}
        data-testid="title-length-bar"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={result.limit}
        aria-valuenow={result.length}
        aria-label={t('titles.length', lang, { length: result.length, limit: result.limit })}
        style={style}
      />
      <p className="muted title-limit-source">
        {t(LIMIT_SOURCE_KEYS[result.limitSource], lang)}
        {result.measure === 'chars' ? ` · ${t('titles.measure.chars', lang)}` : null}
      </p>
      {cut !== null ? (
        <p className="title-cut-line">
          <span data-testid="title-kept">{title.slice(0, cut)}</span>
          <span className="title-cut-mark" aria-hidden="true">
            |
          </span>
          <mark className="title-cut" data-testid="title-cut" title={t('titles.cutHint', lang)}>
            {title.slice(cut)}
          </mark>
        </p>
      ) : null}
    </div>
  );
}

function FindingGroups({ lang, findings }: { lang: Lang; findings: readonly TitleFinding[] }) {
  if (findings.length === 0) {
    return (
      <p className="title-findings-none" data-testid="title-findings-none">
        {t('titles.findings.none', lang)}
      </p>
    );
  }
  return (
    <div className="title-findings">
      {SEVERITY_ORDER.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <section key={severity} className={`title-finding-group is-${severity}`} data-testid="title-findings" data-severity={severity}>
            <h3>{t(SEVERITY_KEYS[severity], lang, { count: group.length })}</h3>
            <ul>
              {group.map((finding, index) => (
                <li key={`${finding.rule}-${finding.start ?? index}-${index}`} className="title-finding" data-testid="title-finding" data-rule={finding.rule}>
                  <span className="title-finding-message">{finding.message[lang]}</span>
                  <span className="title-finding-basis muted">{t('titles.basis', lang, { basis: finding.basis[lang] })}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function Tokens({ lang, result }: { lang: Lang; result: TitleAuditResult }) {
  if (result.tokens.length === 0) {
    return <p className="muted">{t('titles.tokensNone', lang)}</p>;
  }
  const present = ROLE_ORDER.filter((role) => result.tokens.some((token) => token.role === role));
  return (
    <div className="title-tokens-block">
      <h3>{t('titles.tokens', lang)}</h3>
      <p className="title-tokens" data-testid="title-tokens">
        {result.tokens.map((token) => (
          <span
            key={`${token.start}-${token.end}`}
            className={`title-token role-${token.role}${result.cutAt !== null && token.end > result.cutAt ? ' is-cut' : ''}`}
            data-testid="title-token"
            data-role={token.role}
            title={t(ROLE_KEYS[token.role], lang)}
          >
            {token.text}
          </span>
        ))}
      </p>
      <ul className="title-role-legend">
        {present.map((role) => (
          <li key={role} className={`title-token role-${role}`}>
            {t(ROLE_KEYS[role], lang)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Suggestions({ lang, report }: { lang: Lang; report: SuggestionReport }) {
  const listSep = lang === 'zh' ? '、' : ', ';
  const nothing = report.missing.length + report.covered.length + report.weak.length + report.rewrites.length === 0;
  return (
    <section className="title-suggestions" data-testid="title-suggestions">
      <h3>{t('titles.suggest.heading', lang, { count: report.competitorCount })}</h3>
      {!report.weighted ? <p className="muted">{t('titles.suggest.unweighted', lang)}</p> : null}
      {nothing ? <p className="muted">{t('titles.suggest.none', lang)}</p> : null}
      {report.missing.length ? (
        <div>
          <h4>{t('titles.suggest.missing', lang)}</h4>
          <ul className="title-keyword-list">
            {report.missing.map((keyword) => (
              <li key={keyword.keyword} data-testid="title-missing">
                <details>
                  <summary>
                    <strong>{keyword.keyword}</strong> <span className="muted">{t('titles.suggest.score', lang, { score: keyword.score })}</span>{' '}
                    <span className="muted">{keyword.reason[lang]}</span>
                  </summary>
                  <p className="muted">{t('titles.suggest.usedBy', lang)}</p>
                  <ul>
                    {keyword.usedBy.map((used) => (
                      <li key={used}>{used}</li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.covered.length ? (
        <div>
          <h4>{t('titles.suggest.covered', lang)}</h4>
          <p className="title-keyword-chips">
            {report.covered.map((keyword) => (
              <span key={keyword.keyword} className="title-chip" data-testid="title-covered">
                {keyword.keyword}
              </span>
            ))}
          </p>
        </div>
      ) : null}
      {report.weak.length ? (
        <div>
          <h4>{t('titles.suggest.weak', lang)}</h4>
          <ul>
            {report.weak.map((weak) => (
              <li key={weak.word} data-testid="title-weak">
                <strong>{weak.word}</strong> <span className="muted">{weak.reason[lang]}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.rewrites.length ? (
        <div>
          <h4>{t('titles.suggest.rewrites', lang)}</h4>
          <ol className="title-rewrites">
            {report.rewrites.map((rewrite) => (
              <li key={rewrite.title} data-testid="title-rewrite">
                <p className="title-rewrite-text">{rewrite.title}</p>
                <p className="muted">
                  {t('titles.length', lang, { length: rewrite.length, limit: rewrite.limit })} · {rewrite.note[lang]}
                </p>
                {rewrite.added.length ? <p className="muted">{t('titles.suggest.added', lang, { words: rewrite.added.join(listSep) })}</p> : null}
                {rewrite.removed.length ? <p className="muted">{t('titles.suggest.removed', lang, { words: rewrite.removed.join(listSep) })}</p> : null}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
