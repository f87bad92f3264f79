/**
 * Keeps zod from ever trying `new Function`. zod 4 compiles fast object parsers with the Function
 * constructor when it can; to find out, it probes once with `new Function("")` as the first object
 * schema is built. The extension pages' CSP forbids eval, so the probe throws (caught by zod) but
 * the browser still reports a CSP violation every time a page or the background starts.
 * `jitless` makes zod skip both the probe and the compiled parsers.
 *
 * Import this first in every entrypoint that uses zod (background, side panel, options): the
 * setting must be in place before any module builds a schema. tests/e2e/csp.test.ts checks the
 * built pages report no violation.
 */
import { config } from 'zod';

config({ jitless: true });
