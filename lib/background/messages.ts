/**
 * Messages from the content script to the background, and the background's answers.
 *
 * The content script imports only the types (`import type`): zod stays out of its bundle. The
 * background parses every incoming message with `contentMessageSchema`, because a content
 * script runs inside a page we do not control.
 */
import { z } from 'zod';
import { captureSchema } from '../capture/schema';
import type { RestoreError } from '../db/backup';
import type { StoreResult } from '../db/store';

/** What the content script sees on the page, for the panel's "what is happening" line. */
export const PAGE_STATES = ['waiting', 'not-recognised', 'captured'] as const;
export type PageState = (typeof PAGE_STATES)[number];

export const captureMessageSchema = z.object({
  type: z.literal('capture'),
  capture: captureSchema,
});

export const pageStatusMessageSchema = z.object({
  type: z.literal('page-status'),
  url: z.string().url().max(2048),
  /** The adapter that claimed the page; null when none did. */
  adapterId: z.string().max(60).nullable(),
  state: z.enum(PAGE_STATES),
});

export const contentMessageSchema = z.discriminatedUnion('type', [captureMessageSchema, pageStatusMessageSchema]);

export type CaptureMessage = z.infer<typeof captureMessageSchema>;
export type PageStatusMessage = z.infer<typeof pageStatusMessageSchema>;
export type ContentMessage = z.infer<typeof contentMessageSchema>;

/** Why the background refused a message. Nothing was written for any of these. */
export type RejectReason =
  /** Not one of our messages, or a field failed validation. */
  | 'invalid'
  /** Larger than MAX_MESSAGE_BYTES once serialised. */
  | 'too-large'
  /** The sender is not a tab with an address (another extension page, a worker …). */
  | 'no-sender'
  /** capture.adapter.id names no adapter we have. */
  | 'unknown-adapter'
  /** The operator switched this adapter off in the options (lib/settings/disabled-adapters.ts). */
  | 'adapter-disabled'
  /** The sending page is not on a host the named adapter reads, or the capture's platform/kind is not the adapter's. */
  | 'sender-mismatch'
  /** capture.url is on another host than the page that sent it. */
  | 'url-mismatch'
  /** capturedAt is far from the background's clock. */
  | 'bad-time'
  /** Storage failed for a reason other than a full quota. */
  | 'store-failed';

export type CaptureResponse = { ok: true; result: StoreResult } | { ok: false; reason: RejectReason; detail?: string };
export type PageStatusResponse = { ok: true } | { ok: false; reason: RejectReason; detail?: string };
export type MessageResponse = CaptureResponse | PageStatusResponse;

/**
 * True when a runtime message claims to be one of ours. The background answers only these, so
 * other listeners (messages from extension pages) keep their turn to respond.
 */
export function isContentMessageType(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'capture' || type === 'page-status';
}

// ---------------------------------------------------------------------------------------------
// Extension pages → background: data operations that write (restore, retention, re-derive).
// They travel over a long-lived port (runtime.connect, DATA_PORT_NAME) so the background can
// report progress. Only the extension's own pages may use it: lib/background/handle-data.ts
// refuses any port whose sender address is not on the extension's origin (a content script's
// sender is the marketplace page). Every request is parsed with `dataRequestSchema`.

export const DATA_PORT_NAME = 'shoplens-data';
/** Records per `restore-records` message: the page sends a backup in pieces of this size. */
export const RESTORE_RECORDS_PER_MESSAGE = 500;

export const dataRequestSchema = z.discriminatedUnion('type', [
  /** Starts a restore: the backup's header (checked by the background) and its record count. */
  z.object({
    type: z.literal('restore-begin'),
    mode: z.enum(['merge', 'replace']),
    header: z.unknown(),
    total: z.number().int().nonnegative(),
  }),
  /** The next records of one table, in file order; validated at once, written only on commit. */
  z.object({
    type: z.literal('restore-records'),
    table: z.string().max(60),
    records: z.array(z.unknown()).max(RESTORE_RECORDS_PER_MESSAGE),
  }),
  /** Writes everything received, in one transaction. */
  z.object({ type: z.literal('restore-commit') }),
  /** Forgets what was received; nothing is written. */
  z.object({ type: z.literal('restore-cancel') }),
  /** Stores the retention setting and applies it at once. */
  z.object({ type: z.literal('retention-set'), captureDays: z.number().int().min(1).max(3650).nullable() }),
  /** Rebuilds observations from the stored captures (lib/db/rederive.ts). */
  z.object({ type: z.literal('rederive') }),
]);
export type DataRequest = z.infer<typeof dataRequestSchema>;

/** Why the background refused a data request. */
export type DataRejectReason =
  /** Not one of the data requests, or a field failed validation. */
  | 'invalid'
  /** The port was not opened by one of the extension's own pages. */
  | 'not-extension-page'
  /** restore-records or restore-commit without a restore-begin. */
  | 'no-restore'
  /** The backup was refused (see `error`): nothing was written. */
  | 'restore-refused'
  /** The disk is full: the operation was rolled back. */
  | 'quota'
  /** Anything else: the operation was rolled back. */
  | 'failed';

/** Background → page, on the data port. Every request gets progress replies, then exactly one final reply. */
export type DataReply =
  | { type: 'progress'; phase: 'validate' | 'write' | 'rederive'; done: number; total: number }
  /** restore-begin / restore-records / restore-cancel accepted. */
  | { type: 'accepted'; received: number }
  | { type: 'done'; result: DataResult }
  | { type: 'refused'; reason: DataRejectReason; detail?: string; error?: RestoreError };

export type DataResult =
  | { kind: 'restore'; mode: 'merge' | 'replace'; added: Record<string, number>; skipped: Record<string, number> }
  | { kind: 'retention'; captureDays: number | null; deleted: number; keptNewest: number }
  | {
      kind: 'rederive';
      captures: number;
      observationsWritten: number;
      observationsRemoved: number;
      entitiesAdded: number;
      invalidCount: number;
      olderVersions: { adapterId: string; version: number; current: number; captures: number }[];
    };
