/**
 * The background refresh in words: why it stopped (the notification and the panel say the same)
 * and how its last page ended.
 */
import { t, type Lang } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { MAX_PAGES_WITHOUT_FIGURES, type PageOutcome, type RefreshSettings } from './refresh';
import type { RiskKind } from './risk-signs';

export function riskReason(kind: RiskKind, lang: Lang): string {
  switch (kind) {
    case 'captcha':
      return t('refresh.risk.captcha', lang);
    case 'slider':
      return t('refresh.risk.slider', lang);
    case 'tooFrequent':
      return t('refresh.risk.tooFrequent', lang);
    case 'login':
      return t('refresh.risk.login', lang);
    case 'redirect':
      return t('refresh.risk.redirect', lang);
    case 'noFigures':
      return t('refresh.risk.noFigures', lang, { count: MAX_PAGES_WITHOUT_FIGURES });
  }
}

export function outcomeName(outcome: PageOutcome, lang: Lang): string {
  switch (outcome) {
    case 'captured':
      return t('refresh.outcome.captured', lang);
    case 'not-recognised':
      return t('refresh.outcome.notRecognised', lang);
    case 'timeout':
      return t('refresh.outcome.timeout', lang);
    case 'open-failed':
      return t('refresh.outcome.openFailed', lang);
    case 'taken-over':
      return t('refresh.outcome.takenOver', lang);
    case 'risk':
      return t('refresh.outcome.risk', lang);
  }
}

/** The stop in words: a title and a body naming the time, the page, the sign and what to do. */
export function describeRefreshStop(stopped: NonNullable<RefreshSettings['stopped']>, lang: Lang): { title: string; body: string } {
  let reason = riskReason(stopped.kind, lang);
  if (stopped.evidence) reason += t('refresh.stopped.evidence', lang, { evidence: stopped.evidence });
  return {
    title: t('refresh.stopped.title', lang),
    body: t('refresh.stopped.body', lang, { time: formatDateTime(stopped.at), url: stopped.url, reason }),
  };
}
