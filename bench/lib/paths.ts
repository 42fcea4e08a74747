import path from 'path';

/** The repository root (bench/lib → ../..). */
export const ROOT = path.resolve(__dirname, '..', '..');
/** Scratch space for benchmark databases (.tmp/ is git-ignored). */
export const SCRATCH = path.join(ROOT, '.tmp', 'bench');
export const RESULTS = path.join(ROOT, 'bench', 'results');
