/**
 * Messages from extension pages (the side panel) to the background about the watchlist: the
 * background is the only database writer. Parsed with zod at the boundary like every message.
 */
import { z } from 'zod';
import { PLATFORMS } from '../capture/schema';

const text = (max: number) => z.string().max(max);
// Keys embed a keyword from a page address (up to 2048 characters) after `<platform>:keyword:`.
const key = text(2200).min(3);
const percent = z.number().finite().positive().max(1000);
const amount = z.number().finite().positive().max(1e9);
const ruleId = text(40).min(1);

export const watchRuleSchema = z.discriminatedUnion('type', [
  z.object({
    id: ruleId,
    type: z.literal('change'),
    enabled: z.boolean(),
    metric: text(40).min(1),
    direction: z.enum(['up', 'down', 'both']),
    percent: percent.optional(),
    amount: amount.optional(),
  }),
  z.object({ id: ruleId, type: z.literal('title'), enabled: z.boolean() }),
  z.object({ id: ruleId, type: z.literal('stock'), enabled: z.boolean() }),
  z.object({ id: ruleId, type: z.literal('newListing'), enabled: z.boolean() }),
]);

const role = z.enum(['own', 'competitor', 'unset']);

export const panelMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('watch:pin'),
    key,
    platform: z.enum(PLATFORMS),
    kind: z.enum(['shop', 'item', 'keyword']),
    ref: text(2100).min(1),
    name: text(300),
    role: role.optional(),
    url: z.string().url().max(2048).optional(),
  }),
  z.object({ type: z.literal('watch:unpin'), key }),
  z.object({
    type: z.literal('watch:update'),
    key,
    role: role.optional(),
    rules: z.array(watchRuleSchema).max(20).optional(),
    refresh: z.boolean().optional(),
  }),
  z.object({ type: z.literal('alerts:seen'), ids: z.array(text(2400)).max(500).optional() }),
  z.object({ type: z.literal('alerts:clear') }),
  z.object({
    type: z.literal('refresh:settings'),
    enabled: z.boolean().optional(),
    minutesBetweenPages: z.number().int().min(1).max(24 * 60).optional(),
    hoursPerPage: z.number().int().min(1).max(24 * 30).optional(),
  }),
]);

export type PanelMessage = z.infer<typeof panelMessageSchema>;
export type PanelResponse = { ok: true } | { ok: false; reason: 'invalid' | 'not-extension-page' | 'failed'; detail?: string };

export const PANEL_MESSAGE_TYPES: readonly PanelMessage['type'][] = ['watch:pin', 'watch:unpin', 'watch:update', 'alerts:seen', 'alerts:clear', 'refresh:settings'];

export function isPanelMessageType(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && (PANEL_MESSAGE_TYPES as readonly string[]).includes(type);
}
