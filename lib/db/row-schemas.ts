/**
 * zod schemas of every stored row (./schema.ts), for data that comes back from outside: a backup
 * file being restored (./backup.ts). A backup is input like any other: it may have been edited
 * or crafted, so every string is bounded, every key must agree with the fields it is built
 * from, a capture row must agree with the capture it holds, and free-form maps refuse keys that
 * would reach an object's prototype (`__proto__`, `constructor`, `prototype`).
 *
 * ROW_SCHEMAS has one entry per table; tests/unit/db/backup.test.ts checks it covers every table
 * of openDb(), and the type checks below fail to compile when a row type changes without its
 * schema, so a new table or field is always a deliberate change here.
 */
import { z } from 'zod';
import { boundSchema, captureSchema, pageKindSchema, platformSchema, PRICE_KINDS, unitSchema } from '../capture/schema';
import { watchRuleSchema } from '../watch/messages';
import type { AlertRow, CaptureRow, EntityRow, ObservationRow, SettingRow, WatchRow } from './schema';

// Keys embed a keyword taken from a page address (up to 2048 characters) plus a prefix and a time.
const KEY_MAX = 2200;
const isoDateTime = z.string().datetime({ offset: true });
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const key = z.string().min(1).max(KEY_MAX);
const finite = z.number().finite();
const entityKind = z.enum(['shop', 'item', 'keyword']);

/** Keys that would reach Object.prototype when assigned to a plain object. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const mapKey = z
  .string()
  .max(400)
  .refine((name) => !PROTOTYPE_KEYS.has(name), { message: 'a key that would reach the prototype' });

export const entityRowSchema = z
  .object({
    key,
    platform: platformSchema,
    kind: entityKind,
    ref: key,
    name: z.string().max(KEY_MAX),
    firstSeen: isoDateTime,
    lastSeen: isoDateTime,
    own: z.boolean().optional(),
  })
  .refine((row) => row.key === `${row.platform}:${row.kind}:${row.ref}`, { message: 'key is not <platform>:<kind>:<ref>', path: ['key'] });

export const captureRowSchema = z
  .object({
    id: key,
    entityKey: key,
    pageKey: z.string().max(KEY_MAX),
    platform: platformSchema,
    pageKind: pageKindSchema,
    capturedAt: isoDateTime,
    periodKey: z.string().max(200),
    adapterId: z.string().max(60),
    adapterVersion: z.number().int().positive(),
    contentHash: z.string().max(64),
    capture: captureSchema,
  })
  .superRefine((row, ctx) => {
    const mismatch = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (row.id !== `${row.entityKey}@${row.capturedAt}`) mismatch('id', 'id is not <entityKey>@<capturedAt>');
    const capture = row.capture;
    if (capture.capturedAt !== row.capturedAt) mismatch('capturedAt', 'differs from capture.capturedAt');
    if (capture.platform !== row.platform) mismatch('platform', 'differs from capture.platform');
    if (capture.pageKind !== row.pageKind) mismatch('pageKind', 'differs from capture.pageKind');
    if (capture.adapter.id !== row.adapterId || capture.adapter.version !== row.adapterVersion) {
      mismatch('adapterId', 'differs from capture.adapter');
    }
  });

export const observationRowSchema = z
  .object({
    id: key,
    entityKey: key,
    metric: z.string().min(1).max(40),
    captureId: key,
    capturedAt: isoDateTime,
    periodKey: z.string().max(200),
    day: isoDay,
    value: finite,
    max: finite.optional(),
    unit: unitSchema,
    bound: boundSchema,
    /** Database version 3; absent in older backups (./backup.ts fills it from their captures). */
    priceKind: z.enum(PRICE_KINDS).optional(),
  })
  .refine((row) => row.id === `${row.entityKey}|${row.metric}|${row.capturedAt}`, {
    message: 'id is not <entityKey>|<metric>|<capturedAt>',
    path: ['id'],
  })
  .refine((row) => row.priceKind === undefined || row.metric === 'price', { message: 'a price kind on a figure that is not a price', path: ['priceKind'] });

// ---------------------------------------------------------------------------------------------
// Watchlist, alerts, settings (database version 2, lib/watch/types.ts)

const rememberedValue = z.object({ value: finite, max: finite.optional(), bound: boundSchema, day: z.string().max(40), at: z.string().max(40) });
const changeMemory = z.object({
  reference: rememberedValue.optional(),
  last: rememberedValue.optional(),
  before: rememberedValue.optional(),
  alertedDay: z.string().max(40).optional(),
});

export const watchRowSchema = z.object({
  key,
  platform: platformSchema,
  kind: entityKind,
  ref: key,
  name: z.string().max(KEY_MAX),
  role: z.enum(['own', 'competitor', 'unset']),
  rules: z.array(watchRuleSchema).max(50),
  state: z.object({
    change: z.record(mapKey, changeMemory).optional(),
    title: z.string().max(1000).optional(),
    stock: z.enum(['in', 'out']).optional(),
    knownItems: z.array(z.string().max(60)).max(20_000).optional(),
  }),
  url: z.string().max(2048).optional(),
  refresh: z.boolean(),
  lastRefreshAt: isoDateTime.optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

const alertValue = z.object({ value: finite, max: finite.optional(), bound: boundSchema, day: z.string().max(40) });
const alertSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('change'),
    metric: z.string().max(40),
    unit: unitSchema,
    group: z.string().max(200),
    direction: z.enum(['up', 'down']),
    from: alertValue,
    to: alertValue,
    amount: finite,
    ratio: finite.nullable(),
  }),
  z.object({ type: z.literal('title'), from: z.string().max(1000), to: z.string().max(1000) }),
  z.object({ type: z.literal('stock'), state: z.enum(['out', 'back']), text: z.string().max(200).optional() }),
  z.object({ type: z.literal('newListing'), itemId: z.string().max(60), title: z.string().max(1000), shop: z.string().max(200).optional() }),
]);

export const alertRowSchema = z.object({
  id: key,
  watchKey: key,
  watchName: z.string().max(KEY_MAX),
  ruleId: z.string().max(40),
  at: isoDateTime,
  captureId: key,
  seen: z.union([z.literal(0), z.literal(1)]),
  alert: alertSchema,
});

/**
 * The path of the first own key named `__proto__`, `constructor` or `prototype` anywhere in
 * `value` (JSON.parse makes such keys ordinary own properties; zod silently drops some of them),
 * so a restore can refuse the record outright instead of storing a quietly altered one.
 */
export function prototypeKeyPath(value: unknown, path: string[] = [], depth = 0): string | undefined {
  if (!value || typeof value !== 'object' || depth > 32) return undefined;
  for (const name of Object.keys(value)) {
    if (PROTOTYPE_KEYS.has(name)) return [...path, name].join('.');
    const found = prototypeKeyPath((value as Record<string, unknown>)[name], [...path, name], depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

const JSON_MAX_DEPTH = 8;
const JSON_MAX_NODES = 10_000;

/** Plain JSON (no functions, no non-finite numbers, no prototype keys), bounded in depth and size. */
export function isPlainJson(value: unknown): boolean {
  let nodes = 0;
  const visit = (node: unknown, depth: number): boolean => {
    if (++nodes > JSON_MAX_NODES || depth > JSON_MAX_DEPTH) return false;
    if (node === null || typeof node === 'boolean') return true;
    if (typeof node === 'number') return Number.isFinite(node);
    if (typeof node === 'string') return node.length <= 10_000;
    if (Array.isArray(node)) return node.every((item) => visit(item, depth + 1));
    if (typeof node === 'object') {
      const proto = Object.getPrototypeOf(node);
      if (proto !== Object.prototype && proto !== null) return false;
      return Object.keys(node).every((name) => !PROTOTYPE_KEYS.has(name) && visit((node as Record<string, unknown>)[name], depth + 1));
    }
    return false;
  };
  return visit(value, 0);
}

export const settingRowSchema = z.object({
  key: z.string().min(1).max(200),
  value: z.unknown().refine(isPlainJson, { message: 'not plain JSON (or too deep, too large, or with a prototype key)' }),
});

// The schemas must produce exactly the stored row types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const rowTypesMatch: [
  Same<z.infer<typeof entityRowSchema>, EntityRow>,
  Same<z.infer<typeof captureRowSchema>, CaptureRow>,
  Same<z.infer<typeof observationRowSchema>, ObservationRow>,
  Same<z.infer<typeof watchRowSchema>, WatchRow>,
  Same<z.infer<typeof alertRowSchema>, AlertRow>,
  Same<z.infer<typeof settingRowSchema>, SettingRow>,
] = [true, true, true, true, true, true];
void rowTypesMatch;

/** The schema of every table a backup may hold, by table name. */
export const ROW_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  entities: entityRowSchema,
  captures: captureRowSchema,
  observations: observationRowSchema,
  watches: watchRowSchema,
  alerts: alertRowSchema,
  settings: settingRowSchema,
};
