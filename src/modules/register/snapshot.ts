/**
 * Entry point for the shipped register snapshot: loading it (boot, on an empty database) and building it (scripts/).
 * The format itself lives in snapshot-format.ts, the use case in commands.ts.
 */
export { importRegisterSnapshot, ensureRegister } from './commands.js';
export { bouwSnapshot, leesSnapshot, type SnapshotManifest } from './snapshot-format.js';
