/**
 * The live title assistant on listing editors (adapters with page kind `editor`): a small panel
 * right after the title input with the length against the limit (the editor's own counter's
 * limit when it shows one) and the forbidden and risky words, updated as the operator types.
 *
 * Its own content script on the editor hosts (entrypoints/title-assist.content.ts), so the word
 * packs never load in the other marketplace tabs.
 *
 * Why it is built like this:
 * - Content-script code: it runs the jieba-free audit (lib/titles/audit.ts without tokens), no
 *   zod, React, Dexie or jieba (tests/unit/content/import-graph.test.ts walks the entrypoint).
 *   Segmentation and keyword suggestions stay in the side panel.
 * - The panel lives in a shadow root on an empty custom element (`<shoplens-title-assist>`), so
 *   page styles cannot reach it and ours cannot leak; the host carries no text in the light DOM,
 *   so the editor adapters and the figure finder read the form exactly as without it. The root
 *   is open: it shows only the audit of what the operator typed, and an open root lets
 *   assistive technology and the browser test reach it. Every text goes in with `textContent`.
 * - Typing is debounced; the form is found by the same labels the editor adapters use, and found
 *   again (debounced DOM observer) when a single-page editor renders late or re-renders.
 * - It shares the overlays switch (`overlaysEnabled` in storage.local, absent = on) with the
 *   figure badges: one switch for everything ShopLens draws in a page. Nothing is drawn before
 *   the setting is known.
 * - It speaks the language the operator chose in the side panel (`shoplens.lang` in
 *   storage.local, lib/i18n/stored-lang.ts), not the browser's, and redraws when it changes.
 */
import type { PageAdapter } from '../adapters/types';
import { EDITOR_TITLE_LABELS as DOUYIN_TITLE_LABELS } from '../adapters/douyin/words';
import { PDD_EDITOR_TITLE_LABELS } from '../adapters/pinduoduo/words';
import { EDITOR_TITLE_LABELS as TAOBAO_TITLE_LABELS } from '../adapters/taobao/editor-words';
import type { Platform } from '../capture/schema';
import { isHiddenInTree, visibleText } from '../capture/text';
import type { Lang } from '../i18n/lang';
import { langChoiceChange, readLangChoice } from '../i18n/stored-lang';
import { OVERLAYS_ENABLED_KEY, overlaysEnabledFrom } from '../settings/keys';
import { auditTitle, type TitleAudit } from '../titles/audit';

export const ASSIST_TAG = 'shoplens-title-assist';
/** Attributes on the host, for tests and the browser test: `length/limit` and the worst severity shown. */
export const ASSIST_LENGTH_ATTR = 'data-shoplens-length';
export const ASSIST_SEVERITY_ATTR = 'data-shoplens-severity';

/** Title labels per platform (the editor adapters' own lists); other platforms try them all. */
const TITLE_LABELS: Partial<Record<Platform, readonly string[]>> = {
  taobao: TAOBAO_TITLE_LABELS,
  pinduoduo: PDD_EDITOR_TITLE_LABELS,
  douyin: DOUYIN_TITLE_LABELS,
};
const ALL_TITLE_LABELS = [...new Set(Object.values(TITLE_LABELS).flat())];

const CONTROL = 'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([type="file"]),textarea';
const COUNTER = /^(\d{1,4})\s*[/／]\s*(\d{1,4})$/;
/** Findings shown inline; the side panel has the rest. */
const MAX_SHOWN = 3;

export type AssistLang = Lang;

const TEXT = {
  zh: {
    length: (length: number, limit: number) => `标题 ${length}/${limit}`,
    room: (count: number) => `还能写 ${count} 个字符`,
    over: (count: number, cut: string) => `超出 ${count} 个字符：“${cut}”会被截掉`,
    limitFromEditor: '上限取自页面计数器',
    clean: '没有发现禁用词或风险词',
    more: (count: number) => `另有 ${count} 条，见店镜侧边栏`,
    footer: '店镜 · 完整检查和关键词建议在侧边栏',
  },
  en: {
    length: (length: number, limit: number) => `Title ${length}/${limit}`,
    room: (count: number) => `${count} units left`,
    over: (count: number, cut: string) => `${count} units over: “${cut}” is cut`,
    limitFromEditor: 'limit from the page’s counter',
    clean: 'No forbidden or risky words',
    more: (count: number) => `${count} more in the ShopLens side panel`,
    footer: 'ShopLens · full check and keyword ideas in the side panel',
  },
} as const;

const ASSIST_CSS = `
:host{all:initial!important;display:block!important;margin:4px 0 0!important;max-width:560px!important}
.box{box-sizing:border-box;padding:6px 8px;border:1px solid #d0d7de;border-radius:4px;background:#f6f8fa;color:#1f2328;font:400 12px/1.5 system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif}
.head{display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
.count{font-weight:700}
.over{color:#b42318;font-weight:700}
.muted{color:#57606a}
ul{margin:4px 0 0;padding:0 0 0 16px}
li.error{color:#b42318}
li.warning{color:#9a3412}
.foot{margin-top:2px;color:#57606a;font-size:11px}
`;

// ---------------------------------------------------------------------------------------------
// Finding the title field

export interface TitleField {
  control: HTMLInputElement | HTMLTextAreaElement;
  /** The form item around label and control (where the page's own counter is). */
  item: Element;
}

function labelWords(el: Element): string {
  return visibleText(el).replace(/^[*＊\s]+/, '').replace(/[:：?？ⓘ\s]+$/, '');
}

/** The title input of an editor page: found by its label, inside the smallest block holding a visible control. */
export function findTitleField(doc: Document, platform: Platform | undefined): TitleField | undefined {
  const labels = (platform && TITLE_LABELS[platform]) || ALL_TITLE_LABELS;
  for (const el of Array.from(doc.body?.querySelectorAll('*') ?? [])) {
    if ((el.textContent ?? '').length > 40 || el.matches(CONTROL) || el.tagName.toLowerCase() === ASSIST_TAG) continue;
    const words = labelWords(el);
    if (!labels.includes(words) || isHiddenInTree(el)) continue;
    if (Array.from(el.children).some((child) => labelWords(child) === words)) continue;
    let item: Element | null = el.parentElement;
    for (let depth = 0; item && depth < 6; depth++, item = item.parentElement) {
      const control = Array.from(item.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(CONTROL)).find((c) => !isHiddenInTree(c));
      if (control) return { control, item };
    }
  }
  return undefined;
}

/** The page's own counter beside the title (`12/60`), as text, when the form item shows exactly one. */
export function pageCounterText(item: Element): string | undefined {
  const counters = Array.from(item.querySelectorAll('*'))
    .filter((el) => el.children.length === 0 && !isHiddenInTree(el))
    .map((el) => visibleText(el).replace(/\s+/g, ''))
    .filter((text) => COUNTER.test(text));
  return counters.length === 1 ? counters[0] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Drawing

// Tests and the browser test reach the root through the host (open root); kept here as well so
// a page that overrides `shadowRoot` cannot hide it from us.
const roots = new WeakMap<Element, ShadowRoot>();

export function assistShadowRoot(host: Element): ShadowRoot | null {
  return roots.get(host) ?? null;
}

function createHost(doc: Document): HTMLElement {
  const host = doc.createElement(ASSIST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  roots.set(host, root);
  const style = doc.createElement('style');
  style.textContent = ASSIST_CSS;
  const box = doc.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  root.append(style, box);
  return host;
}

function element(doc: Document, tag: string, className: string, text: string): HTMLElement {
  const el = doc.createElement(tag);
  if (className) el.className = className;
  el.textContent = text;
  return el;
}

/** Redraws the panel inside `host` for an audit. */
export function renderAssist(host: HTMLElement, audit: TitleAudit, lang: AssistLang): void {
  const root = roots.get(host);
  const box = root?.querySelector('.box');
  if (!root || !box) return;
  const doc = host.ownerDocument;
  const text = TEXT[lang];
  const head = element(doc, 'div', 'head', '');
  head.append(element(doc, 'span', `count${audit.overLimit ? ' over' : ''}`, text.length(audit.length, audit.limit)));
  if (audit.overLimit) {
    head.append(element(doc, 'span', 'over', text.over(-audit.roomLeft, audit.title.slice(audit.cutAt ?? audit.title.length))));
  } else {
    head.append(element(doc, 'span', 'muted', text.room(audit.roomLeft)));
  }
  if (audit.limitSource === 'editor') head.append(element(doc, 'span', 'muted', text.limitFromEditor));

  // Length is already in the head; the list is for words and structure that need a fix.
  const serious = audit.findings.filter((f) => f.severity !== 'info' && f.rule !== 'length.over');
  const parts: HTMLElement[] = [head];
  if (serious.length > 0) {
    const list = doc.createElement('ul');
    for (const finding of serious.slice(0, MAX_SHOWN)) {
      const item = element(doc, 'li', finding.severity, finding.message[lang]);
      item.setAttribute('data-rule', finding.rule);
      list.append(item);
    }
    if (serious.length > MAX_SHOWN) list.append(element(doc, 'li', 'muted', text.more(serious.length - MAX_SHOWN)));
    parts.push(list);
  } else if (audit.title.trim()) {
    parts.push(element(doc, 'div', 'muted', text.clean));
  }
  parts.push(element(doc, 'div', 'foot', text.footer));
  box.replaceChildren(...parts);

  host.setAttribute(ASSIST_LENGTH_ATTR, `${audit.length}/${audit.limit}`);
  const worst = audit.overLimit || serious.some((f) => f.severity === 'error') ? 'error' : serious.length > 0 ? 'warning' : 'none';
  host.setAttribute(ASSIST_SEVERITY_ATTR, worst);
}

// ---------------------------------------------------------------------------------------------
// The controller the content script runs

/** The slice of `browser.storage` used (wxt/browser's, or fakeBrowser's in tests). */
export interface AssistStorage {
  local: { get(key: string): Promise<Record<string, unknown>> };
  onChanged: {
    addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    removeListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
  };
}

export interface TitleAssistEnv {
  document: Document;
  /** The page's current address (location.href). */
  currentUrl(): string;
  /** The enabled page adapters; the assistant runs where an `editor` adapter matches. */
  adapters: readonly PageAdapter[];
  /** storage.local for the overlays switch and the operator's language, and their changes. */
  storage: AssistStorage;
  timers: { setTimeout(handler: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
  /** Quiet time after a keystroke before the audit runs. */
  debounceMs?: number;
  /** Quiet time after page mutations before the field is looked for again. */
  scanDelayMs?: number;
  log?(message: string, detail?: unknown): void;
}

export interface TitleAssist {
  /** The address changed (single-page editors): look again. */
  locationChanged(): void;
  stop(): void;
  /** The panel host while one is shown. */
  readonly host: HTMLElement | null;
}

/** Re-placements after the page dropped the panel, per field: a page that keeps removing it is left alone. */
const MAX_RESTORES = 20;

export function startTitleAssist(env: TitleAssistEnv): TitleAssist {
  const doc = env.document;
  const debounceMs = env.debounceMs ?? 150;
  const scanDelayMs = env.scanDelayMs ?? 300;
  const log = env.log ?? ((message: string, detail?: unknown) => console.debug(`ShopLens: ${message}`, detail ?? ''));
  const Observer = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;

  let stopped = false;
  let enabled: boolean | undefined;
  /** undefined until storage answered, like `enabled`. */
  let lang: AssistLang | undefined;
  let field: TitleField | undefined;
  let platform: Platform | undefined;
  let host: HTMLElement | null = null;
  let inputTimer: unknown;
  let scanTimer: unknown;
  let restores = 0;
  let observer: MutationObserver | undefined;

  const editorPlatform = (): Platform | undefined => {
    let url: URL;
    try {
      url = new URL(env.currentUrl());
    } catch {
      return undefined;
    }
    return env.adapters.find((adapter) => adapter.pageKind === 'editor' && adapter.matchesUrl(url))?.platform;
  };

  function update(): void {
    inputTimer = undefined;
    if (stopped || !field || !host || !platform || !lang) return;
    try {
      const counter = pageCounterText(field.item);
      const audit = auditTitle(field.control.value, counter ? { platform, counter } : { platform });
      renderAssist(host, audit, lang);
    } catch (error) {
      log('title check failed', error);
    }
  }

  const onInput = (): void => {
    if (inputTimer !== undefined) env.timers.clearTimeout(inputTimer);
    inputTimer = env.timers.setTimeout(update, debounceMs);
  };

  function detach(): void {
    if (inputTimer !== undefined) env.timers.clearTimeout(inputTimer);
    inputTimer = undefined;
    field?.control.removeEventListener('input', onInput);
    host?.remove();
    field = undefined;
    host = null;
  }

  function place(): void {
    if (!field || !host) return;
    field.control.after(host);
  }

  function attach(found: TitleField): void {
    detach();
    field = found;
    restores = 0;
    host = createHost(doc);
    place();
    found.control.addEventListener('input', onInput);
    update();
  }

  function scan(): void {
    scanTimer = undefined;
    if (stopped) return;
    platform = enabled === true && lang !== undefined ? editorPlatform() : undefined;
    if (!platform) {
      detach();
      unobserve();
      return;
    }
    observe();
    if (field && field.control.isConnected) {
      if (host && !host.isConnected) {
        if (restores >= MAX_RESTORES) return;
        restores++;
        place();
      }
      return;
    }
    const found = findTitleField(doc, platform);
    if (found) attach(found);
    else detach();
  }

  function scheduleScan(): void {
    if (scanTimer !== undefined || stopped) return;
    scanTimer = env.timers.setTimeout(scan, scanDelayMs);
  }

  function observe(): void {
    if (observer || !doc.documentElement) return;
    observer = new Observer((records) => {
      // Placing our own panel is not a page change (its removal is: it is put back).
      const own = host;
      if (own && records.every((record) => record.removedNodes.length === 0 && Array.from(record.addedNodes).every((node) => node === own))) return;
      scheduleScan();
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true });
  }

  function unobserve(): void {
    observer?.disconnect();
    observer = undefined;
    if (scanTimer !== undefined) env.timers.clearTimeout(scanTimer);
    scanTimer = undefined;
  }

  const onStorageChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (stopped || area !== 'local') return;
    const nextLang = langChoiceChange(changes, area);
    const switched = OVERLAYS_ENABLED_KEY in changes;
    if (nextLang === undefined && !switched) return;
    if (switched) enabled = overlaysEnabledFrom(changes[OVERLAYS_ENABLED_KEY]?.newValue);
    if (nextLang !== undefined) lang = nextLang;
    scan();
    // A panel already shown is redrawn in the new language (scan() leaves an attached panel as it is).
    if (nextLang !== undefined) update();
  };

  env.storage.onChanged.addListener(onStorageChanged);
  const storedEnabled = env.storage.local.get(OVERLAYS_ENABLED_KEY).then(
    (stored) => overlaysEnabledFrom(stored[OVERLAYS_ENABLED_KEY]),
    (error: unknown) => {
      log('overlay setting not read', error);
      return true;
    },
  );
  void Promise.all([storedEnabled, readLangChoice(env.storage.local)]).then(([storedSwitch, storedLang]) => {
    // A change that arrived meanwhile is newer than what was read.
    if (enabled === undefined) enabled = storedSwitch;
    if (lang === undefined) lang = storedLang;
    scan();
  });

  return {
    locationChanged() {
      if (stopped) return;
      detach();
      scan();
    },
    stop() {
      stopped = true;
      env.storage.onChanged.removeListener(onStorageChanged);
      unobserve();
      detach();
    },
    get host() {
      return host;
    },
  };
}
