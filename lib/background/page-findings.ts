/**
 * After the background stores a capture, it diagnoses it (lib/diagnostics, with the entity's
 * stored history and the operator's settings) and tells the tab:
 * - the content script gets a compact list of findings about figures the page shows, for the
 *   badges beside them (lib/content/overlay-message.ts; the content script stays small because
 *   the engine runs here);
 * - the toolbar button shows the number of critical + warning findings for that tab.
 *
 * `tabs.sendMessage` to a tab that messaged us and `action.setBadgeText` with a tabId need no
 * permission. A tab that has gone, or a page without our content script any more, is not an
 * error: nothing here ever throws into the message handler.
 */
import type { Capture } from '../capture/schema';
import { analyse, type Analysis } from '../diagnostics';
import { historyRequestOf } from '../diagnostics/history-request';
import type { Finding } from '../diagnostics/types';
import { observationsForDiagnosis } from '../db/queries';
import type { ShopLensDb } from '../db/schema';
import { entityOf, pageKeyOf } from '../db/store';
import {
  MAX_OVERLAY_FINDINGS,
  MAX_OVERLAY_TEXT,
  OVERLAY_MESSAGE_TYPE,
  type OverlayFinding,
  type OverlayMessage,
} from '../content/overlay-message';
import { readDiagnosticsSettings, settingsForShop, type StorageAreaLike } from '../settings/diagnostics-settings';
import type { PageState } from './messages';

/** Toolbar badge colours: the panel's critical and warning colours (components/diagnostics/findings.css). */
export const BADGE_COLORS = { critical: '#B42318', warning: '#C2410C' } as const;

/** The slice of the browser API used here, so tests can pass fakeBrowser or a plain object. */
export interface FindingsApi {
  tabs: { sendMessage(tabId: number, message: OverlayMessage): Promise<unknown> };
  action?: {
    setBadgeText(details: { tabId: number; text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  };
  storage: { local: StorageAreaLike };
}

/** What the message handler (./handle-capture.ts) tells after its checks passed. */
export interface FindingsHook {
  /** A capture from `tabId` passed every check and was handed to the store (stored or a repeat). */
  afterCapture(tabId: number, capture: Capture): Promise<void>;
  /** The tab reported what it sees on `url`. */
  afterPageStatus(tabId: number, url: string, state: PageState): Promise<void>;
}

function cut(text: string): string {
  return text.length > MAX_OVERLAY_TEXT ? `${text.slice(0, MAX_OVERLAY_TEXT - 1)}…` : text;
}

/**
 * The findings a badge can stand beside: about the page's own subject (not a report row) and
 * judging a figure the page shows (a computed ratio has no place on the page). Most severe first.
 */
export function overlayFindingsOf(findings: readonly Finding[]): OverlayFinding[] {
  return findings
    .filter((f) => f.evidence.subject.kind === 'page' && f.evidence.figure.source === 'page')
    .slice(0, MAX_OVERLAY_FINDINGS)
    .map((f) => ({
      metric: f.metric,
      severity: f.severity,
      text: { zh: cut(f.message.zh), en: cut(f.message.en) },
      ...(Number.isFinite(f.evidence.figure.value) ? { value: f.evidence.figure.value } : {}),
    }));
}

/** The toolbar badge for a tab: the number of critical + warning findings ('' for none). */
export function toolbarBadgeOf(findings: readonly Finding[]): { text: string; color: string } {
  const critical = findings.filter((f) => f.severity === 'critical').length;
  const count = critical + findings.filter((f) => f.severity === 'warning').length;
  return {
    text: count === 0 ? '' : count > 99 ? '99+' : String(count),
    color: critical > 0 ? BADGE_COLORS.critical : BADGE_COLORS.warning,
  };
}

/** The whole diagnosis of one capture, as the side panel computes it: same history, same settings. */
export async function diagnoseCapture(db: ShopLensDb, capture: Capture, settingsArea: StorageAreaLike): Promise<Analysis> {
  const entity = entityOf(capture);
  const [history, settings] = await Promise.all([
    observationsForDiagnosis(db, historyRequestOf(capture, entity?.key)),
    readDiagnosticsSettings(settingsArea),
  ]);
  const shopSettings = entity?.kind === 'shop' ? settingsForShop(settings, entity.key) : undefined;
  return analyse({
    capture,
    history,
    ...(shopSettings ? { settings: shopSettings } : {}),
    ...(entity ? { entityKey: entity.key } : {}),
  });
}

export interface FindingsNotifierDeps {
  db: ShopLensDb;
  api: FindingsApi;
  log?(message: string, detail?: unknown): void;
}

export function createFindingsNotifier(deps: FindingsNotifierDeps): FindingsHook {
  const log = deps.log ?? ((message: string, detail?: unknown) => console.debug(`ShopLens: ${message}`, detail ?? ''));
  /** The page each tab's toolbar badge is about (lost when the worker stops: then a badge may outlive its page until the next capture). */
  const badgePage = new Map<number, string>();

  async function setBadge(tabId: number, badge: { text: string; color: string }): Promise<void> {
    const action = deps.api.action;
    if (!action) return;
    try {
      await action.setBadgeText({ tabId, text: badge.text });
      if (badge.text) await action.setBadgeBackgroundColor({ tabId, color: badge.color });
    } catch (error) {
      log('toolbar badge not set', error); // the tab closed meanwhile
    }
  }

  return {
    async afterCapture(tabId, capture) {
      let findings: Finding[];
      try {
        findings = (await diagnoseCapture(deps.db, capture, deps.api.storage.local)).findings;
      } catch (error) {
        log('diagnosis failed', error);
        return;
      }
      badgePage.set(tabId, pageKeyOf(capture.url));
      await setBadge(tabId, toolbarBadgeOf(findings));
      const message: OverlayMessage = {
        type: OVERLAY_MESSAGE_TYPE,
        url: capture.url,
        platform: capture.platform,
        findings: overlayFindingsOf(findings),
      };
      try {
        await deps.api.tabs.sendMessage(tabId, message);
      } catch (error) {
        log('findings not delivered to the tab', error); // navigated away, or the content script is gone
      }
    },

    async afterPageStatus(tabId, url, state) {
      // The tab moved on to another page (single-page backends change address without a reload):
      // its count is about a page no longer shown.
      const shown = badgePage.get(tabId);
      if (shown === undefined || state === 'captured' || shown === pageKeyOf(url)) return;
      badgePage.delete(tabId);
      await setBadge(tabId, { text: '', color: BADGE_COLORS.warning });
    },
  };
}
