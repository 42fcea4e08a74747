/**
 * Where the end-to-end tests find the running server and put their artifacts. scripts/e2e.sh
 * sets these; the defaults suit a server started by hand on port 1440.
 */
import path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export const BASE_URL = (process.env.E2E_BASE_URL ?? 'http://127.0.0.1:1440').replace(/\/+$/, '');

export const ARTIFACTS_DIR = process.env.E2E_ARTIFACTS_DIR ?? path.join(ROOT, 'test-artifacts', 'e2e');

export const CHROMIUM_PATH = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Extra Chromium switches (space-separated), e.g. E2E_CHROMIUM_ARGS="--enable-logging". */
export const EXTRA_CHROMIUM_ARGS = (process.env.E2E_CHROMIUM_ARGS ?? '').split(/\s+/).filter(Boolean);

/** E2E_HEADED=1 opens a visible window (needs a display), for debugging a step by eye. */
export const HEADED = process.env.E2E_HEADED === '1';
