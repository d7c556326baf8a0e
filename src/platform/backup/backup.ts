/**
 * Backup and restore. PGlite: a dump of the data directory (dumpDataDir); PostgreSQL: pg_dump custom format.
 * Both are encrypted (AES-256-GCM, key derived from PASSEND_SECRET): a backup holds health data of pupils and
 * must be unreadable without the secret (security-notes §6, backup drill).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

const MAGIC = 'PASSEND-BACKUP-1\n';

export interface BackupHeader {
  kind: 'pglite' | 'postgres';
  createdAt: string;
  iv: string;
  tag: string;
}

function key(secret: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secret, 'passend', 'backup', 32));
}

/** Encrypts a payload into the backup file format. */
export function sealBackup(secret: string, kind: BackupHeader['kind'], payload: Buffer): Buffer {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key(secret), iv);
  const body = Buffer.concat([cipher.update(payload), cipher.final()]);
  const header: BackupHeader = { kind, createdAt: new Date().toISOString(), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
  return Buffer.concat([Buffer.from(MAGIC), Buffer.from(`${JSON.stringify(header)}\n`), body]);
}

/** Decrypts a backup file; Dutch errors for a wrong file or a wrong secret. */
export function openBackup(secret: string, file: Buffer): { header: BackupHeader; payload: Buffer } {
  if (!file.subarray(0, MAGIC.length).equals(Buffer.from(MAGIC))) throw new Error('Dit is geen back-upbestand van Passend.');
  const nl = file.indexOf(10, MAGIC.length);
  const header = JSON.parse(file.subarray(MAGIC.length, nl).toString('utf8')) as BackupHeader;
  const decipher = crypto.createDecipheriv('aes-256-gcm', key(secret), Buffer.from(header.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(header.tag, 'base64'));
  try {
    return { header, payload: Buffer.concat([decipher.update(file.subarray(nl + 1)), decipher.final()]) };
  } catch {
    throw new Error('De back-up kan niet worden geopend: het geheim (PASSEND_SECRET) klopt niet, of het bestand is beschadigd.');
  }
}

/** Dumps an open PGlite database. */
export async function backupPglite(pglite: PGlite, secret: string): Promise<Buffer> {
  const dump = await pglite.dumpDataDir('gzip');
  return sealBackup(secret, 'pglite', Buffer.from(await dump.arrayBuffer()));
}

/**
 * Restores a PGlite backup into `dataDir` (the server must be stopped: the caller holds the lock). The current
 * directory is kept beside it as `<dir>.voor-herstel-<time>` until the restore has opened successfully.
 */
export async function restorePglite(dataDir: string, payload: Buffer): Promise<string | null> {
  const dir = path.resolve(dataDir);
  const tmp = `${dir}.herstel-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const db = await PGlite.create(tmp, { loadDataDir: new Blob([new Uint8Array(payload)]) });
  await db.exec('CHECKPOINT');
  await db.close();
  let kept: string | null = null;
  if (fs.existsSync(dir)) {
    kept = `${dir}.voor-herstel-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(dir, kept);
  }
  fs.renameSync(tmp, dir);
  return kept;
}

/**
 * Runs a PostgreSQL client tool. The password goes through PGPASSWORD, never the command line (visible in `ps`).
 */
function runTool(cmd: string, args: string[], databaseUrl: string, input?: Buffer): Buffer {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  const r = spawnSync(cmd, [...args, `--dbname=${url.toString()}`], { input, env, maxBuffer: 4 * 1024 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd} kon niet worden gestart (${r.error.message}). Installeer de PostgreSQL-clientprogramma's.`);
  if (r.status !== 0) throw new Error(`${cmd} meldt een fout: ${r.stderr.toString('utf8').trim().slice(0, 2000)}`);
  return r.stdout;
}

/** pg_dump in custom format (includes grants, RLS policies and triggers). */
export function backupPostgres(databaseUrl: string, secret: string): Buffer {
  return sealBackup(secret, 'postgres', runTool('pg_dump', ['--format=custom', '--no-owner'], databaseUrl));
}

/**
 * pg_restore into the database of `databaseUrl`, replacing its objects, in one transaction. The cluster-wide app
 * role is not in a database dump: it is created (and granted to the login role) first, as migration 0001 does, so
 * a restore onto a fresh server works.
 */
export async function restorePostgres(databaseUrl: string, payload: Buffer): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'passend_app') THEN
        CREATE ROLE passend_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
      END IF; END $$`);
    await client.query('set client_min_messages = warning');
    await client.query('GRANT passend_app TO CURRENT_USER');
  } finally {
    await client.end();
  }
  runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction'], databaseUrl, payload);
}
