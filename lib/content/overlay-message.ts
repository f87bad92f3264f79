/**
 * The background's message to a tab after it diagnosed the tab's capture: a compact list of
 * findings about figures the page itself shows, for the badges beside them.
 *
 * Content-script code: no zod here. The message comes from our own background, but the content
 * script runs inside a page we do not control, so it is still checked by hand
 * (`parseOverlayMessage`) before anything is drawn, and every text is bounded.
 */
import type { Platform } from '../capture/schema';
import type { Severity } from '../diagnostics/types';

export const OVERLAY_MESSAGE_TYPE = 'shoplens:findings';

/** Keep in step with lib/capture/schema.ts PLATFORMS and lib/diagnostics/types.ts SEVERITIES (checked by tests). */
export const OVERLAY_PLATFORMS: readonly Platform[] = ['taobao', 'pinduoduo', 'douyin', 'jd'];
export const OVERLAY_SEVERITIES: readonly Severity[] = ['critical', 'warning', 'info', 'good'];

export const MAX_OVERLAY_FINDINGS = 60;
export const MAX_OVERLAY_TEXT = 400;
const MAX_URL = 2048;
const METRIC_ID = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

export interface OverlayFinding {
  /** Canonical metric id (lib/metrics): which label the badge goes beside. */
  metric: string;
  severity: Severity;
  text: { zh: string; en: string };
  /**
   * The figure the finding judged, as the page showed it: the badge is placed only beside a
   * label whose figure reads this value (a 实时 card or a promotion with the same label is not it).
   */
  value?: number;
}

export interface OverlayMessage {
  type: typeof OVERLAY_MESSAGE_TYPE;
  /** The address of the capture the findings are about; ignored by a tab now on another page. */
  url: string;
  platform: Platform;
  findings: OverlayFinding[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function boundedText(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= MAX_OVERLAY_TEXT ? value : undefined;
}

function parseFinding(raw: unknown): OverlayFinding | undefined {
  if (!isRecord(raw)) return undefined;
  const { metric, severity, text, value } = raw;
  if (typeof metric !== 'string' || !METRIC_ID.test(metric)) return undefined;
  if (!OVERLAY_SEVERITIES.includes(severity as Severity)) return undefined;
  if (!isRecord(text)) return undefined;
  const zh = boundedText(text.zh);
  const en = boundedText(text.en);
  if (zh === undefined || en === undefined) return undefined;
  if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value))) return undefined;
  return { metric, severity: severity as Severity, text: { zh, en }, ...(value !== undefined ? { value } : {}) };
}

/**
 * The message when it is a well-formed findings message, else null. A malformed finding makes
 * the whole message null: a half-understood message is not drawn.
 */
export function parseOverlayMessage(raw: unknown): OverlayMessage | null {
  if (!isRecord(raw) || raw.type !== OVERLAY_MESSAGE_TYPE) return null;
  const { url, platform, findings } = raw;
  if (typeof url !== 'string' || url.length > MAX_URL) return null;
  if (!OVERLAY_PLATFORMS.includes(platform as Platform)) return null;
  if (!Array.isArray(findings) || findings.length > MAX_OVERLAY_FINDINGS) return null;
  const parsed: OverlayFinding[] = [];
  for (const item of findings) {
    const finding = parseFinding(item);
    if (!finding) return null;
    parsed.push(finding);
  }
  return { type: OVERLAY_MESSAGE_TYPE, url, platform: platform as Platform, findings: parsed };
}
