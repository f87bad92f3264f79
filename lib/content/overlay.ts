/**
 * Badges beside the figures on backend pages: for each finding the background sent about a
 * figure the page shows, a small mark after that figure's label, coloured by severity, with the
 * finding's text on hover and keyboard focus.
 *
 * Why it is built like this:
 * - Each badge lives in a closed shadow root on an empty custom element (`<shoplens-badge>`), so
 *   page styles cannot reach inside and our styles cannot leak out; the host resets every
 *   inherited property (`all: initial`). All text goes in with `textContent`, never as HTML.
 * - The host carries no text, no class, title or aria-label in the light DOM: the finder reads
 *   empty elements with such attributes as trend arrows (lib/capture/text.ts), and the page's
 *   own figures must read exactly the same with our badges in place.
 * - A label is used only when the figure beside it reads the value the finding judged, found by
 *   the same finder the adapter uses: the same label in a 实时 block, a promotion (`支付金额
 *   2500+`) or a menu is not the figure the finding is about and gets no badge.
 * - Idempotent: every render removes every badge first (also those of a previous content script
 *   instance after the extension reloaded), so a page never shows two badges for one figure.
 * - Single-page backends re-render: while badges are shown, a debounced observer puts them back
 *   when the page dropped them, a bounded number of times per message.
 * - The texts are in the language the operator chose in the side panel (`shoplens.lang` in
 *   storage.local, lib/i18n/stored-lang.ts), not the browser's: the findings message carries both
 *   languages, so a switch redraws the badges at once.
 *
 * Content-script code: no zod, React or Dexie (tests/unit/content/import-graph.test.ts).
 */
import type { Platform } from '../capture/schema';
import { findMetrics, matchMetricLabel, metricLabelElements } from '../capture/finder';
import { visibleText } from '../capture/text';
import type { Severity } from '../diagnostics/types';
import { pageKeyOf } from '../db/keys';
import type { Lang } from '../i18n/lang';
import { langChoiceChange, readLangChoice } from '../i18n/stored-lang';
import { OVERLAYS_ENABLED_KEY, overlaysEnabledFrom } from '../settings/keys';
import { parseOverlayMessage, type OverlayFinding, type OverlayMessage } from './overlay-message';

export const BADGE_TAG = 'shoplens-badge';
/** Attributes on the host: which figure it is about and how bad (tests and the browser test read them). */
export const BADGE_METRIC_ATTR = 'data-shoplens-metric';
export const BADGE_SEVERITY_ATTR = 'data-shoplens-severity';

export type OverlayLang = Lang;

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2, good: 3 };
const GLYPH: Record<Severity, string> = { critical: '!', warning: '!', info: 'i', good: '✓' };
/** How many ancestors above a label its figure may sit (the finder's own default). */
const MAX_FIGURE_DEPTH = 6;
/** One figure shown in several places with the same value (a summary and a card): at most this many badges. */
const MAX_BADGES_PER_METRIC = 3;
/** Labels written in these sit in a line of text: the badge goes right after them. Any other label element is a box (a card title, a table cell): the badge goes inside it, at the end, on the label's line. */
const INLINE_TAGS = new Set(['SPAN', 'B', 'STRONG', 'EM', 'I', 'SMALL', 'FONT', 'A', 'ABBR', 'LABEL', 'SUB', 'SUP', 'U', 'MARK', 'CODE']);

const BADGE_CSS = `
:host{all:initial!important;display:inline-block!important;position:relative!important;vertical-align:middle!important;margin:0 0 0 4px!important;line-height:1!important}
.mark{display:inline-flex;align-items:center;justify-content:center;box-sizing:border-box;width:16px;height:16px;border-radius:50%;font:700 11px/1 system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#fff;cursor:help;user-select:none}
.mark:focus-visible{outline:2px solid #1f2328;outline-offset:1px}
.critical{background:#b42318}.warning{background:#c2410c}.info{background:#0b5cad}.good{background:#1a7f37}
.tip{display:none;position:absolute;z-index:2147483647;left:0;top:calc(100% + 4px);width:max-content;max-width:280px;padding:6px 8px;border-radius:4px;background:#1f2328;color:#fff;font:400 12px/1.45 system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;white-space:pre-line;text-align:left;box-shadow:0 2px 8px rgba(0,0,0,.25)}
.mark:hover+.tip,.mark:focus+.tip{display:block}
`;

// Closed roots are invisible to the page; tests reach them through badgeShadowRoot().
const shadowRoots = new WeakMap<Element, ShadowRoot>();

/** The closed shadow root of a badge this module drew (for tests), else null. */
export function badgeShadowRoot(host: Element): ShadowRoot | null {
  return shadowRoots.get(host) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Placement

export interface BadgePlan {
  metric: string;
  /** The most severe of the metric's findings. */
  severity: Severity;
  /** The findings' texts in the chosen language, most severe first. */
  texts: string[];
  /** The label elements the badge goes beside. */
  anchors: Element[];
}

/** The metric a label element names (`访客数`, `访客数：1,234`), on this platform. */
function metricOfLabel(el: Element, platform: Platform): string | undefined {
  const text = visibleText(el);
  const whole = matchMetricLabel(text, platform);
  if (whole) return whole.def.id;
  const colon = text.search(/[:：]/);
  return colon > 0 ? matchMetricLabel(text.slice(0, colon), platform)?.def.id : undefined;
}

/**
 * The value the finder reads for `metric` at this label: in the smallest ancestor where it reads
 * one, as long as that ancestor holds no other label of the metric (then the reading could be
 * the other label's: a menu entry 支付转化率 must not borrow the card's figure).
 */
function figureAtLabel(label: Element, metric: string, platform: Platform, sameMetricLabels: readonly Element[]): number | undefined {
  const body = label.ownerDocument.body;
  let container = label.parentElement;
  for (let depth = 0; container && depth < MAX_FIGURE_DEPTH; depth++, container = container.parentElement) {
    const scope = container;
    if (sameMetricLabels.some((other) => other !== label && scope.contains(other))) return undefined;
    const found = findMetrics(container, platform);
    const reading = found.metrics.find((m) => m.metric === metric);
    if (reading) return reading.bound === 'exact' && reading.max === undefined ? reading.value : undefined;
    // The container shows the metric twice with different values, or unreadable: no figure is this label's own.
    if (found.issues.some((issue) => issue.field === `metrics.${metric}`)) return undefined;
    if (container === body) break;
  }
  return undefined;
}

function sameFigure(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Where each metric's badge goes: beside the labels whose figure reads the value the findings
 * judged. A finding without a value is placed only when the page has a single label for it.
 */
export function planBadges(doc: Document, platform: Platform, findings: readonly OverlayFinding[], lang: OverlayLang): BadgePlan[] {
  const body = doc.body;
  if (!body || findings.length === 0) return [];
  const byMetric = new Map<string, OverlayFinding[]>();
  for (const finding of findings) byMetric.set(finding.metric, [...(byMetric.get(finding.metric) ?? []), finding]);

  const labels = new Map<string, Element[]>();
  for (const el of metricLabelElements(body, platform)) {
    const metric = metricOfLabel(el, platform);
    if (metric && byMetric.has(metric)) labels.set(metric, [...(labels.get(metric) ?? []), el]);
  }

  const plans: BadgePlan[] = [];
  for (const [metric, group] of byMetric) {
    const candidates = labels.get(metric) ?? [];
    if (candidates.length === 0) continue;
    const values = group.map((f) => f.value).filter((v): v is number => v !== undefined);
    let anchors: Element[];
    if (values.length === 0) {
      anchors = candidates.length === 1 ? candidates : [];
    } else {
      anchors = candidates.filter((el) => {
        const shown = figureAtLabel(el, metric, platform, candidates);
        return shown !== undefined && values.some((v) => sameFigure(v, shown));
      });
    }
    if (anchors.length === 0) continue;
    const sorted = [...group].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    plans.push({
      metric,
      severity: sorted[0]!.severity,
      texts: [...new Set(sorted.map((f) => f.text[lang]))],
      anchors: anchors.slice(0, MAX_BADGES_PER_METRIC),
    });
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------
// Drawing

function createBadge(doc: Document, plan: BadgePlan): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  host.setAttribute(BADGE_METRIC_ATTR, plan.metric);
  host.setAttribute(BADGE_SEVERITY_ATTR, plan.severity);
  const root = host.attachShadow({ mode: 'closed' });
  shadowRoots.set(host, root);
  const style = doc.createElement('style');
  style.textContent = BADGE_CSS;
  const text = plan.texts.join('\n');
  const mark = doc.createElement('span');
  mark.className = `mark ${plan.severity}`;
  mark.tabIndex = 0;
  mark.setAttribute('role', 'img');
  mark.setAttribute('aria-label', text);
  mark.textContent = GLYPH[plan.severity];
  const tip = doc.createElement('span');
  tip.className = 'tip';
  tip.setAttribute('role', 'tooltip');
  tip.setAttribute('aria-hidden', 'true'); // the mark's label already says it
  tip.textContent = text;
  root.append(style, mark, tip);
  return host;
}

function place(host: HTMLElement, anchor: Element): void {
  // Never between table cells (the row keeps its columns) nor on a line of its own under a title.
  if (INLINE_TAGS.has(anchor.tagName.toUpperCase())) anchor.after(host);
  else anchor.append(host);
}

/** Removes every badge in the document, ours or a previous instance's. */
export function clearBadges(doc: Document): void {
  for (const host of Array.from(doc.querySelectorAll(BADGE_TAG))) host.remove();
}

interface Drawn {
  host: HTMLElement;
  anchor: Element;
}

/** Draws the badges for `findings` (removing any drawn before); returns what was drawn. */
export function renderBadges(doc: Document, platform: Platform, findings: readonly OverlayFinding[], lang: OverlayLang): Drawn[] {
  clearBadges(doc);
  const drawn: Drawn[] = [];
  for (const plan of planBadges(doc, platform, findings, lang)) {
    for (const anchor of plan.anchors) {
      const host = createBadge(doc, plan);
      place(host, anchor);
      drawn.push({ host, anchor });
    }
  }
  return drawn;
}

// ---------------------------------------------------------------------------------------------
// The controller the content script runs

/** The slice of the browser API the overlay uses (browser from wxt/browser, or fakeBrowser in tests). */
export interface OverlayBrowser {
  runtime: {
    onMessage: {
      addListener(listener: (message: unknown) => undefined): void;
      removeListener(listener: (message: unknown) => undefined): void;
    };
  };
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>> };
    onChanged: {
      addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
      removeListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    };
  };
}

export interface OverlayEnv {
  document: Document;
  /** The page's current address (location.href). */
  currentUrl(): string;
  /** Runtime messages, and storage.local for the overlays switch and the operator's language. */
  browser: OverlayBrowser;
  timers: { setTimeout(handler: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
  /** Quiet time after page mutations before checking the badges are still there. */
  restoreDelayMs?: number;
  log?(message: string, detail?: unknown): void;
}

export interface OverlayController {
  /** Handle a runtime message (ignored unless it is a valid findings message for this page). */
  receive(message: unknown): void;
  /** The address changed: findings about another page are dropped with their badges. */
  locationChanged(): void;
  stop(): void;
  /** Badge hosts currently in the page. */
  readonly badges: readonly HTMLElement[];
}

/** Re-placements after the page dropped badges, per findings message: a page that keeps removing them is left alone. */
const MAX_RESTORES = 20;

export function startOverlay(env: OverlayEnv): OverlayController {
  const doc = env.document;
  const log = env.log ?? ((message: string, detail?: unknown) => console.debug(`ShopLens: ${message}`, detail ?? ''));
  const restoreDelay = env.restoreDelayMs ?? 500;
  const Observer = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;

  let stopped = false;
  /** undefined until storage answered: nothing is drawn before the operator's choice is known. */
  let enabled: boolean | undefined;
  /** undefined until storage answered: nothing is drawn in a language the operator may not have chosen. */
  let lang: OverlayLang | undefined;
  let current: OverlayMessage | undefined;
  let drawn: Drawn[] = [];
  let restores = 0;
  let observer: MutationObserver | undefined;
  let restoreTimer: unknown;

  function unobserve(): void {
    observer?.disconnect();
    observer = undefined;
    if (restoreTimer !== undefined) env.timers.clearTimeout(restoreTimer);
    restoreTimer = undefined;
  }

  function clear(): void {
    unobserve();
    clearBadges(doc);
    drawn = [];
  }

  function render(): void {
    if (stopped) return;
    if (!current || enabled !== true || lang === undefined) {
      clear();
      return;
    }
    unobserve();
    try {
      drawn = renderBadges(doc, current.platform, current.findings, lang);
    } catch (error) {
      log('badges not drawn', error);
      clear();
      return;
    }
    if (drawn.length > 0) observe();
  }

  function intact(): boolean {
    return drawn.every(({ host, anchor }) => host.isConnected && anchor.isConnected);
  }

  function observe(): void {
    if (!doc.body) return;
    observer = new Observer(() => {
      if (restoreTimer !== undefined) return;
      restoreTimer = env.timers.setTimeout(() => {
        restoreTimer = undefined;
        if (stopped || intact()) return;
        if (restores >= MAX_RESTORES) {
          clear();
          return;
        }
        restores++;
        render();
      }, restoreDelay);
    });
    observer.observe(doc.body, { childList: true, subtree: true });
  }

  function isForThisPage(message: OverlayMessage): boolean {
    return pageKeyOf(message.url) === pageKeyOf(env.currentUrl());
  }

  const onMessage = (raw: unknown): undefined => {
    if (stopped) return undefined;
    const message = parseOverlayMessage(raw);
    if (!message || !isForThisPage(message)) return undefined;
    current = message;
    restores = 0;
    render();
    return undefined;
  };

  const onStorageChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (stopped || area !== 'local') return;
    const nextLang = langChoiceChange(changes, area);
    const switched = OVERLAYS_ENABLED_KEY in changes;
    if (nextLang === undefined && !switched) return;
    if (switched) enabled = overlaysEnabledFrom(changes[OVERLAYS_ENABLED_KEY]?.newValue);
    if (nextLang !== undefined) lang = nextLang;
    render();
  };

  env.browser.runtime.onMessage.addListener(onMessage);
  env.browser.storage.onChanged.addListener(onStorageChanged);
  const storedEnabled = env.browser.storage.local.get(OVERLAYS_ENABLED_KEY).then(
    (stored) => overlaysEnabledFrom(stored[OVERLAYS_ENABLED_KEY]),
    (error: unknown) => {
      log('overlay setting not read', error);
      return true;
    },
  );
  void Promise.all([storedEnabled, readLangChoice(env.browser.storage.local)]).then(([storedSwitch, storedLang]) => {
    // A change that arrived meanwhile is newer than what was read.
    if (enabled === undefined) enabled = storedSwitch;
    if (lang === undefined) lang = storedLang;
    render();
  });

  return {
    receive: onMessage,
    locationChanged() {
      if (current && !isForThisPage(current)) {
        current = undefined;
        clear();
      }
    },
    stop() {
      stopped = true;
      env.browser.runtime.onMessage.removeListener(onMessage);
      env.browser.storage.onChanged.removeListener(onStorageChanged);
      clear();
    },
    get badges() {
      return drawn.map((d) => d.host);
    },
  };
}
