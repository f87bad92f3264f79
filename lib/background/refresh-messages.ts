/**
 * The content script's report of a risk-control sign (lib/content/risk-probe.ts) to the
 * background refresh (./refresh.ts). Sent from every public marketplace page that shows one; the
 * background acts only when the tab is one the refresh opened, so an operator's own browsing is
 * never affected.
 *
 * The content script imports the type only (`import type`): zod stays out of its bundle. The
 * background parses with `riskSignalMessageSchema`; the evidence must be one of the known
 * phrases, address parts or selectors (lib/watch/risk-signs.ts), so a page can never put its own
 * words into the operator's notification.
 */
import { z } from 'zod';
import { knownEvidence, RISK_KINDS } from '../watch/risk-signs';

export const RISK_SIGNAL_TYPE = 'risk-signal';

const KNOWN_EVIDENCE = knownEvidence();

export const riskSignalMessageSchema = z.object({
  type: z.literal(RISK_SIGNAL_TYPE),
  url: z.string().url().max(2048),
  kind: z.enum(RISK_KINDS),
  evidence: z
    .string()
    .max(200)
    .refine((evidence) => KNOWN_EVIDENCE.has(evidence), { message: 'not a known sign' }),
});

export type RiskSignalMessage = z.infer<typeof riskSignalMessageSchema>;

/** True when a runtime message claims to be a risk signal (parsed afterwards). */
export function isRiskSignalMessageType(message: unknown): boolean {
  return (message as { type?: unknown } | null)?.type === RISK_SIGNAL_TYPE;
}
