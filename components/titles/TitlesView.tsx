/**
 * The Titles view: a title, its audit and keyword suggestions from the competitor corpus.
 * - free: the operator pastes any title and picks a platform (the panel's Title tools);
 * - listing: the title of the listing in view (own or competitor);
 * - editor: the title being typed in a listing editor, with the editor's own counter and limit.
 *
 * jieba is loaded only once there is a title to segment (./useSegmenter.ts), with a loading
 * state; if it fails the audit still runs without tokens and the view says why. Suggestions need
 * tokens and competitor titles: the corpus comes from the captured search results and listings
 * of the platform, or of one keyword when the operator names it (lib/db/queries.ts
 * `corpusCaptures`, index ranges only).
 *
 * Titles are page or operator text: rendered as React text, never as HTML.
 *
 * Stable hooks for tests (data-testid): titles-view (data-mode), titles-input, titles-platform,
 * titles-keyword, titles-source-title, titles-segmenter (data-state, data-load-ms),
 * titles-corpus, titles-corpus-none; the audit's own hooks (./TitleAudit.tsx).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { PLATFORMS, type Platform } from '../../lib/capture/schema';
import { corpusCaptures } from '../../lib/db/queries';
import type { ShopLensDb } from '../../lib/db/schema';
import { platformName } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n/react';
import { auditTitle, type AuditOptions } from '../../lib/titles/audit';
import { competitorTitles, corpusFromCaptures, filterCorpus } from '../../lib/titles/corpus';
import type { SegmenterLoader } from '../../lib/titles/segment';
import { suggestKeywords, type SuggestionReport } from '../../lib/titles/suggest';
import { TitleAudit } from './TitleAudit';
import { loadPanelSegmenter, useSegmenter } from './useSegmenter';
import './titles-view.css';

export type TitleSource =
  | { kind: 'listing'; platform: Platform; title: string; itemId?: string }
  | { kind: 'editor'; platform: Platform; title: string; counter?: { length: number; limit: number } };

export interface TitlesViewProps {
  db: ShopLensDb;
  /** The page's title (listing or editor); without it the operator types one. */
  source?: TitleSource;
  /** How jieba is loaded (tests pass their own). */
  loadSegmenter?: SegmenterLoader;
  /** The platform picked first in the free view. */
  initialPlatform?: Platform;
}

export function TitlesView({ db, source, loadSegmenter = loadPanelSegmenter, initialPlatform = 'taobao' }: TitlesViewProps) {
  const { t, lang } = useI18n();
  const ids = useId();
  const [typed, setTyped] = useState('');
  const [pickedPlatform, setPickedPlatform] = useState<Platform>(initialPlatform);
  const [keyword, setKeyword] = useState('');
  const platform = source?.platform ?? pickedPlatform;
  const title = useDeferredValue(source ? source.title : typed);
  const keywordUsed = useDeferredValue(keyword.trim());
  const hasTitle = title.trim() !== '';

  const segmenterState = useSegmenter(hasTitle, loadSegmenter);
  const segmenter = segmenterState.status === 'ready' ? segmenterState.segmenter : undefined;

  const captures = useLiveQuery(() => corpusCaptures(db, { platform, keyword: keywordUsed || undefined }), [db, platform, keywordUsed]);
  const competitors = useMemo(() => {
    if (!captures) return undefined;
    const exclude = source?.kind === 'listing' ? { itemId: source.itemId, title: source.title } : { title };
    return competitorTitles(filterCorpus(corpusFromCaptures(captures), { platform, keyword: keywordUsed || undefined, exclude }));
  }, [captures, platform, keywordUsed, source, title]);

  const options = useMemo<Omit<AuditOptions, 'tokens'>>(() => {
    const counter = source?.kind === 'editor' ? source.counter : undefined;
    return counter ? { platform, counter: { used: counter.length, limit: counter.limit } } : { platform };
  }, [platform, source]);

  const audit = useMemo(() => {
    if (!hasTitle) return undefined;
    return auditTitle(title, segmenter ? { ...options, tokens: segmenter.cut(title) } : options);
  }, [hasTitle, title, segmenter, options]);

  const suggestions = useMemo<SuggestionReport | undefined>(() => {
    if (!hasTitle || !segmenter || !competitors || competitors.length === 0) return undefined;
    return suggestKeywords(title, competitors, segmenter, options);
  }, [hasTitle, title, segmenter, competitors, options]);

  const mode = source?.kind ?? 'free';
  return (
    <section className="titles-view" data-testid="titles-view" data-mode={mode}>
      {mode === 'free' ? <h2 className="section-heading">{t('titles.view.heading')}</h2> : null}
      {source ? (
        <p className="titles-source">
          <span className="field-label">{t(source.kind === 'listing' ? 'titles.view.fromListing' : 'titles.view.fromEditor')}</span>{' '}
          <span data-testid="titles-source-title">{source.title}</span>
        </p>
      ) : (
        <div className="titles-form">
          <label htmlFor={`${ids}-title`}>{t('titles.view.input')}</label>
          <textarea
            id={`${ids}-title`}
            data-testid="titles-input"
            rows={3}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          <label htmlFor={`${ids}-platform`}>{t('titles.view.platform')}</label>
          <select
            id={`${ids}-platform`}
            data-testid="titles-platform"
            value={pickedPlatform}
            onChange={(event) => setPickedPlatform(event.target.value as Platform)}
          >
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {platformName(p, lang)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="titles-form">
        <label htmlFor={`${ids}-keyword`}>{t('titles.view.keyword')}</label>
        <input id={`${ids}-keyword`} data-testid="titles-keyword" type="text" value={keyword} onChange={(event) => setKeyword(event.target.value)} />
        <p className="muted">{t('titles.view.keywordHint')}</p>
      </div>

      {hasTitle ? <SegmenterStatus state={segmenterState} /> : <p className="muted">{t('titles.view.empty')}</p>}
      {audit ? <TitleAudit title={title} platform={platform} lang={lang} result={audit} suggestions={suggestions} /> : null}
      {hasTitle && competitors !== undefined ? (
        competitors.length === 0 ? (
          <p className="muted" data-testid="titles-corpus-none">
            {t('titles.corpus.none', { platform: platformName(platform, lang) })}
          </p>
        ) : (
          <p className="muted" data-testid="titles-corpus">
            {keywordUsed ? t('titles.corpus.keyword', { keyword: keywordUsed }) : t('titles.corpus.platform', { platform: platformName(platform, lang) })}
            {!segmenter && segmenterState.status !== 'failed' ? ` ${t('titles.corpus.waiting')}` : null}
          </p>
        )
      ) : null}
    </section>
  );
}

function SegmenterStatus({ state }: { state: ReturnType<typeof useSegmenter> }) {
  const { t } = useI18n();
  if (state.status === 'ready') {
    return (
      <p className="muted titles-segmenter" data-testid="titles-segmenter" data-state="ready" data-load-ms={state.ms}>
        {t('titles.segmenter.ready', { ms: state.ms })}
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <p className="titles-segmenter is-failed" data-testid="titles-segmenter" data-state="failed" role="status">
        {t('titles.segmenter.failed', { reason: state.reason.slice(0, 120) })}
      </p>
    );
  }
  return (
    <p className="muted titles-segmenter" data-testid="titles-segmenter" data-state="loading" role="status" aria-busy="true">
      {t('titles.segmenter.loading')}
    </p>
  );
}
