/**
 * The panel's watchlist actions. The background is the only database writer, so each action is
 * a message (lib/watch/messages.ts) it answers; useLiveQuery then shows the change.
 */
import { browser } from 'wxt/browser';
import type { PanelMessage, PanelResponse } from '../../lib/watch/messages';

export async function sendPanelMessage(message: PanelMessage): Promise<PanelResponse> {
  try {
    const response = (await browser.runtime.sendMessage(message)) as PanelResponse | undefined;
    return response ?? { ok: false, reason: 'failed', detail: 'no answer' };
  } catch (error) {
    return { ok: false, reason: 'failed', detail: error instanceof Error ? error.message.slice(0, 200) : String(error) };
  }
}
