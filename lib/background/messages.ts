/**
 * Messages from the content script to the background, and the background's answers.
 *
 * The content script imports only the types (`import type`): zod stays out of its bundle. The
 * background parses every incoming message with `contentMessageSchema`, because a content
 * script runs inside a page we do not control.
 */
import { z } from 'zod';
import { captureSchema } from '../capture/schema';
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
