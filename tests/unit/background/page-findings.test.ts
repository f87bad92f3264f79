/**
 * The background after a capture (lib/background/page-findings.ts, wired through
 * handle-capture.ts): it diagnoses with the stored history and the shop's settings, sends the tab
 * the findings its badges need, and puts the critical + warning count on the toolbar button.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleContentMessage, type HandlerDeps, type SenderLike } from '../../../lib/background/handle-capture';
import {
  BADGE_COLORS,
  createFindingsNotifier,
  diagnoseCapture,
  overlayFindingsOf,
  toolbarBadgeOf,
  type FindingsApi,
} from '../../../lib/background/page-findings';
import type { Capture } from '../../../lib/capture/schema';
import { OVERLAY_MESSAGE_TYPE, parseOverlayMessage, type OverlayMessage } from '../../../lib/content/overlay-message';
import type { Finding, Severity } from '../../../lib/diagnostics/types';
import { openDb, type ShopLensDb } from '../../../lib/db/schema';
import { DIAGNOSTICS_SETTINGS_KEY } from '../../../lib/settings/keys';
import { dashboardCapture, reading } from '../db/sample-captures';
import { dailyHistory } from '../diagnostics/helpers';
import { TEST_ADAPTERS } from './test-adapters';

const NOW = new Date('2026-11-22T02:00:05.000Z');
const SHOP_KEY = 'taobao:shop:1234';
const TAB = 7;
let db: ShopLensDb;
let dbCount = 0;
let sent: Array<[number, OverlayMessage]>;

beforeEach(() => {
  db = openDb(`page-findings-test-${Date.now()}-${dbCount++}`);
  sent = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: OverlayMessage) => {
    sent.push([tabId, message]);
    return undefined;
  }) as never);
});

afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

const api = fakeBrowser as unknown as FindingsApi;

function deps(): HandlerDeps {
  return {
    db,
    adapters: TEST_ADAPTERS,
    now: () => NOW,
    recordStatus: async () => undefined,
    findings: createFindingsNotifier({ db, api, log: () => undefined }),
  };
}

function senderFor(capture: Capture, tabId = TAB): SenderLike {
  return { url: capture.url, tab: { id: tabId, url: capture.url } };
}

/** A dashboard whose conversion is far below the page's own peer value. */
function lowConversion(): Capture {
  return dashboardCapture({
    metrics: [reading('visitors', 1520), reading('conversionRate', 0.012, { label: '支付转化率', peers: [{ label: '同行均值', value: 0.035 }] })],
  });
}

async function badgeText(tabId = TAB): Promise<string> {
  return fakeBrowser.action.getBadgeText({ tabId });
}

async function badgeColor(tabId = TAB): Promise<number[]> {
  return (await fakeBrowser.action.getBadgeBackgroundColor({ tabId })) as unknown as number[];
}

function rgba(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);
}

describe('after a capture', () => {
  it('sends the tab the findings about its own figures, and counts the warnings on the toolbar', async () => {
    const capture = lowConversion();
    expect(await handleContentMessage({ type: 'capture', capture }, senderFor(capture), deps())).toMatchObject({ ok: true, result: { stored: true } });

    expect(sent).toHaveLength(1);
    const [tabId, message] = sent[0]!;
    expect(tabId).toBe(TAB);
    // What the content script will accept, unchanged.
    expect(parseOverlayMessage(JSON.parse(JSON.stringify(message)))).toEqual(message);
    expect(message).toMatchObject({ type: OVERLAY_MESSAGE_TYPE, url: capture.url, platform: 'taobao' });
    const conversion = message.findings.find((f) => f.metric === 'conversionRate');
    expect(conversion).toMatchObject({ severity: 'warning', value: 0.012 });
    expect(conversion?.text.zh).toContain('同行均值 3.50%');
    expect(conversion?.text.en).toContain('3.50%');

    expect(await badgeText()).toBe('1');
    expect(await badgeColor()).toEqual(rgba(BADGE_COLORS.warning));
  });

  it('sends them again for a repeat, so a reloaded page gets its badges back', async () => {
    const capture = lowConversion();
    await handleContentMessage({ type: 'capture', capture }, senderFor(capture), deps());
    const again = { ...capture, capturedAt: '2026-11-22T01:30:00.000Z' };
    expect(await handleContentMessage({ type: 'capture', capture: again }, senderFor(again), deps())).toMatchObject({
      ok: true,
      result: { stored: false, reason: 'duplicate' },
    });
    expect(sent.map(([, m]) => m.findings.map((f) => f.metric))).toEqual([['conversionRate'], ['conversionRate']]);
  });

  it('reads the entity’s stored history: a 60 % drop after two stable weeks is critical, and the badge turns red', async () => {
    const stable = [1000, 1010, 990, 1005, 995, 1000, 1012, 988, 1003, 997, 1001, 999, 1008, 992];
    await db.observations.bulkPut(dailyHistory(SHOP_KEY, 'visitors', stable, '2026-11-20'));
    const capture = dashboardCapture({ metrics: [reading('visitors', 400)] });
    await handleContentMessage({ type: 'capture', capture }, senderFor(capture), deps());

    const visitors = sent[0]![1].findings.find((f) => f.metric === 'visitors');
    expect(visitors).toMatchObject({ severity: 'critical', value: 400 });
    expect(await badgeText()).toBe('1');
    expect(await badgeColor()).toEqual(rgba(BADGE_COLORS.critical));
  });

  it('without the history the same figure is no anomaly (too short a history is never unusual)', async () => {
    const capture = dashboardCapture({ metrics: [reading('visitors', 400)] });
    await handleContentMessage({ type: 'capture', capture }, senderFor(capture), deps());
    expect(sent[0]![1].findings).toEqual([]);
    expect(await badgeText()).toBe('');
  });

  it('answers the capture normally when the tab has no listener any more', async () => {
    vi.mocked(fakeBrowser.tabs.sendMessage).mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const capture = lowConversion();
    expect(await handleContentMessage({ type: 'capture', capture }, senderFor(capture), deps())).toMatchObject({ ok: true, result: { stored: true } });
    expect(await badgeText()).toBe('1');
  });

  it('sends nothing for a refused capture', async () => {
    const capture = { ...lowConversion(), capturedAt: '2030-01-01T00:00:00.000Z' };
    expect(await handleContentMessage({ type: 'capture', capture }, senderFor(capture), deps())).toMatchObject({ ok: false, reason: 'bad-time' });
    expect(sent).toEqual([]);
    expect(await badgeText()).toBe('');
  });
});

describe('page status and the toolbar count', () => {
  const status = (url: string, state: 'waiting' | 'captured' | 'not-recognised') => ({
    type: 'page-status' as const,
    url,
    adapterId: null,
    state,
  });

  it('clears the count when the tab moves to another page, keeps it on the same page', async () => {
    const handler = deps();
    const capture = lowConversion();
    await handleContentMessage({ type: 'capture', capture }, senderFor(capture), handler);
    expect(await badgeText()).toBe('1');

    const samePage = 'https://sycm.taobao.com/portal/home.htm?spm=another.visit';
    await handleContentMessage(status(samePage, 'waiting'), { url: samePage, tab: { id: TAB, url: samePage } }, handler);
    expect(await badgeText()).toBe('1');

    const otherPage = 'https://sycm.taobao.com/portal/other.htm';
    await handleContentMessage(status(otherPage, 'not-recognised'), { url: otherPage, tab: { id: TAB, url: otherPage } }, handler);
    expect(await badgeText()).toBe('');
  });

  it('leaves other tabs’ counts alone', async () => {
    const handler = deps();
    const capture = lowConversion();
    await handleContentMessage({ type: 'capture', capture }, senderFor(capture, 3), handler);
    const otherPage = 'https://sycm.taobao.com/portal/other.htm';
    await handleContentMessage(status(otherPage, 'waiting'), { url: otherPage, tab: { id: TAB, url: otherPage } }, handler);
    expect(await badgeText(3)).toBe('1');
  });
});

describe('diagnoseCapture', () => {
  const ctrCapture = () => dashboardCapture({ metrics: [reading('visitors', 1520), reading('ctr', 0.01, { unit: 'ratio', label: '点击率' })] });

  it('judges by the shop’s own benchmark from the settings (validated on read)', async () => {
    await fakeBrowser.storage.local.set({
      [DIAGNOSTICS_SETTINGS_KEY]: { version: 1, shops: { [SHOP_KEY]: { benchmarks: { ctr: { low: 0.05, high: 0.08 } } } } },
    });
    const { findings } = await diagnoseCapture(db, ctrCapture(), fakeBrowser.storage.local);
    const ctr = findings.find((f) => f.metric === 'ctr');
    expect(ctr?.evidence.reference).toMatchObject({ source: 'settings', value: 0.05, max: 0.08 });
  });

  it.each([
    ['another shop’s settings', { version: 1, shops: { 'taobao:shop:9999': { benchmarks: { ctr: { low: 0.05 } } } } }],
    ['malformed settings', { version: 1, shops: { [SHOP_KEY]: { benchmarks: { ctr: { low: 'five' } } } } }],
    ['settings of an unknown version', { version: 7, shops: { [SHOP_KEY]: { benchmarks: { ctr: { low: 0.05 } } } } }],
  ])('ignores %s', async (_case, stored) => {
    await fakeBrowser.storage.local.set({ [DIAGNOSTICS_SETTINGS_KEY]: stored });
    const { findings } = await diagnoseCapture(db, ctrCapture(), fakeBrowser.storage.local);
    expect(findings.some((f) => f.evidence.reference?.source === 'settings')).toBe(false);
  });
});

function stub(severity: Severity, extra: { source?: 'page' | 'derived'; subject?: 'page' | 'item'; metric?: string } = {}): Finding {
  return {
    id: `${severity}-${extra.metric ?? 'visitors'}-${extra.source ?? 'page'}-${extra.subject ?? 'page'}`,
    metric: extra.metric ?? 'visitors',
    kind: 'peer',
    severity,
    value: 5,
    reference: null,
    evidence: {
      subject: { kind: extra.subject ?? 'page' },
      period: null,
      figure: { label: { zh: '访客数', en: 'Visitors' }, value: 5, unit: 'count', bound: 'exact', source: extra.source ?? 'page' },
      details: [],
    },
    message: { zh: `中文 ${severity}`, en: `English ${severity}` },
    actions: [],
  };
}

describe('what the tab is sent', () => {
  it('only findings about figures the page shows for its own subject', () => {
    const findings = [stub('warning'), stub('critical', { source: 'derived', metric: 'conversionRate' }), stub('warning', { subject: 'item', metric: 'units' })];
    expect(overlayFindingsOf(findings)).toEqual([{ metric: 'visitors', severity: 'warning', text: { zh: '中文 warning', en: 'English warning' }, value: 5 }]);
  });

  it('cuts overlong texts to what the content script accepts', () => {
    const long = stub('info');
    long.message = { zh: '长'.repeat(1000), en: 'x'.repeat(1000) };
    const [sentFinding] = overlayFindingsOf([long]);
    expect(sentFinding!.text.zh.length).toBeLessThanOrEqual(400);
    expect(parseOverlayMessage({ type: OVERLAY_MESSAGE_TYPE, url: 'https://sycm.taobao.com/', platform: 'taobao', findings: [sentFinding] })).not.toBeNull();
  });

  it.each([
    { severities: [] as Severity[], text: '', color: BADGE_COLORS.warning },
    { severities: ['info', 'good'] as Severity[], text: '', color: BADGE_COLORS.warning },
    { severities: ['warning'] as Severity[], text: '1', color: BADGE_COLORS.warning },
    { severities: ['critical', 'warning', 'warning', 'info', 'good'] as Severity[], text: '3', color: BADGE_COLORS.critical },
    { severities: Array.from({ length: 120 }, () => 'warning' as Severity), text: '99+', color: BADGE_COLORS.warning },
  ])('toolbar badge for $severities.length findings: "$text"', ({ severities, text, color }) => {
    expect(toolbarBadgeOf(severities.map((s) => stub(s)))).toEqual({ text, color });
  });
});
