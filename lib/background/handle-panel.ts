/**
 * The background's answer to a watchlist message from the side panel (lib/watch/messages.ts).
 * Only the extension's own pages may send these: a content script shares the extension id, so
 * the sender's address must be an extension page, never a marketplace page.
 */
import type { ShopLensDb } from '../db/schema';
import { panelMessageSchema, type PanelResponse } from '../watch/messages';
import { clearAlerts, markAlertsSeen, pinEntity, saveRefreshSettings, unpinEntity, updateWatch } from '../watch/store';

export interface PanelSender {
  id?: string;
  url?: string;
}

export interface PanelDeps {
  db: ShopLensDb;
  /** The extension's own origin, `chrome-extension://<id>/`. */
  extensionRoot: string;
  now?: () => Date;
  /** Told after the refresh settings or a watch's refresh mark changed (the background refresh reschedules or stops). */
  onRefreshChanged?: () => Promise<void> | void;
}

function fromExtensionPage(sender: PanelSender, extensionRoot: string): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(extensionRoot);
}

export async function handlePanelMessage(raw: unknown, sender: PanelSender, deps: PanelDeps): Promise<PanelResponse> {
  if (!fromExtensionPage(sender, deps.extensionRoot)) return { ok: false, reason: 'not-extension-page' };
  const parsed = panelMessageSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid', detail: parsed.error.issues[0]?.message.slice(0, 200) };
  const message = parsed.data;
  const now = deps.now?.() ?? new Date();
  try {
    switch (message.type) {
      case 'watch:pin': {
        const { type: _type, ...request } = message;
        await pinEntity(deps.db, request, now);
        break;
      }
      case 'watch:unpin':
        await unpinEntity(deps.db, message.key);
        break;
      case 'watch:update': {
        const { type: _type, key, ...update } = message;
        await updateWatch(deps.db, key, update, now);
        if (update.refresh !== undefined) await deps.onRefreshChanged?.();
        break;
      }
      case 'alerts:seen':
        await markAlertsSeen(deps.db, message.ids);
        break;
      case 'alerts:clear':
        await clearAlerts(deps.db);
        break;
      case 'refresh:settings': {
        const { type: _type, ...settings } = message;
        // Turning refresh on again is the operator's answer to a risk stop: forget the stop.
        await saveRefreshSettings(deps.db, settings.enabled ? { ...settings, stopped: undefined } : settings);
        await deps.onRefreshChanged?.();
        break;
      }
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: 'failed', detail: error instanceof Error ? error.message.slice(0, 200) : undefined };
  }
}
