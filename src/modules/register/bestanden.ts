/**
 * Reading input files from disk for the register: a directory with DUO/CBS files (as DUO publishes them, or as in
 * the shared data folder with duo/ and geo/ subfolders).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decodeerTekst, type Tekstcodering } from './rules/tekst.js';
import type { DuoBestand } from './duo.js';

/** A file as read from disk, with what the manifest and the report need to know about it. */
export interface GelezenBestand extends DuoBestand {
  bytes: number;
  sha256: string;
  mtimeMs: number;
  codering: Tekstcodering;
}

/** Subfolders deeper than this are not searched: a DUO directory is flat or has duo/ and geo/. */
const MAX_DIEPTE = 2;

/** Lists the .csv files in `dir` and its subfolders (relative paths with `/`, sorted for a stable order). */
export function vindCsvBestanden(dir: string): string[] {
  const uit: string[] = [];
  const loop = (rel: string, diepte: number) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && diepte < MAX_DIEPTE && !e.name.startsWith('.')) loop(r, diepte + 1);
      else if (e.isFile() && e.name.toLowerCase().endsWith('.csv')) uit.push(r);
    }
  };
  loop('', 1);
  return uit.sort();
}

/** Reads and decodes one file (CP1252 or UTF-8, CRLF or LF). */
export function leesBestand(dir: string, rel: string): GelezenBestand {
  const pad = path.join(dir, rel);
  const buffer = fs.readFileSync(pad);
  const { tekst, codering } = decodeerTekst(buffer);
  return {
    naam: rel,
    tekst,
    bytes: buffer.length,
    sha256: crypto.createHash('sha256').update(buffer).digest('hex'),
    mtimeMs: fs.statSync(pad).mtimeMs,
    codering,
  };
}
