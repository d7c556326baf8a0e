/**
 * The `passend` command line: start, migrate, import-duo, create-user, backup, restore, verify-audit.
 * Errors are printed in Dutch without a stack trace; exit code 1 (2 for "database in use").
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.js';
import { start, openAndCheck, resolveSecret, pgliteDir } from '../boot.js';
import { openDatabase, acquireLock } from '../platform/db/open.js';
import { runMigrations } from '../platform/db/migrate.js';
import { verifyAuditChain } from '../platform/audit/audit.js';
import { createAccount } from '../platform/auth/service.js';
import { isRol, ROLES } from '../platform/auth/roles.js';
import { passwordProblem } from '../platform/auth/password.js';
import { AppError } from '../platform/errors.js';
import { backupPglite, backupPostgres, openBackup, restorePglite, restorePostgres } from '../platform/backup/backup.js';
import { importDuoDirectory, formatImportReport } from '../modules/register/commands.js';
import { isDemoDatabase } from '../demo/seed.js';

const HELP = `Passend — software voor passend onderwijs

Gebruik: passend <opdracht> [opties]

Opdrachten:
  start                         Start Passend (migraties, register, demo, webserver)
  migrate                       Voer databasemigraties uit
  import-duo <map>              Importeer DUO-bestanden (originele CSV-formaten) uit een map
  create-user --email E --naam N --rol R [--swv PO2603] [--vestiging 08LE00] [--bestuur 12345] [--leerling <id>]
                                Maak een account; het wachtwoord komt uit PASSEND_NIEUW_WACHTWOORD
                                (medewerkers) — ouders en leerlingen hebben geen wachtwoord
  backup <bestand>              Maak een versleutelde back-up (Passend moet gestopt zijn bij PGlite)
  restore <bestand>             Zet een back-up terug (Passend moet gestopt zijn)
  verify-audit                  Controleer de hash-keten van het auditlog
  help                          Deze uitleg

Rollen: ${ROLES.join(', ')}
`;

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start': {
      // Handlers first: a signal that arrives while starting (or right after the "draait op" line) still gets a
      // clean shutdown once start-up has finished, instead of Node's default hard exit.
      const running = start();
      let signals = 0;
      const onSignal = (sig: string) => {
        signals += 1;
        if (signals > 1) process.exit(1);
        process.stdout.write(`\n${sig} ontvangen: Passend stopt netjes…\n`);
        void running.then((r) => r.stop()).then(() => process.exit(0), () => process.exit(1));
      };
      process.on('SIGTERM', () => onSignal('SIGTERM'));
      process.on('SIGINT', () => onSignal('SIGINT'));
      await running;
      return;
    }
    case 'migrate': {
      const config = loadConfig();
      const db = await openAndCheck(config, (l) => process.stdout.write(`${l}\n`));
      await db.close();
      process.stdout.write('Migraties uitgevoerd; tenantscheiding gecontroleerd.\n');
      return;
    }
    case 'import-duo': {
      const dir = rest[0];
      if (!dir || !fs.existsSync(dir)) fail(`Geef een bestaande map op: passend import-duo <map>`);
      const config = loadConfig();
      const db = await openAndCheck(config);
      try {
        const report = await importDuoDirectory(db, dir, {
          onProgress: (p) => process.stdout.write(`\r  ${p.stap}: ${p.gedaan}/${p.totaal}          `),
        });
        process.stdout.write(`\n${formatImportReport(report)}\n`);
      } finally {
        await db.close();
      }
      return;
    }
    case 'create-user': {
      const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, naam: { type: 'string' }, rol: { type: 'string' }, swv: { type: 'string' }, vestiging: { type: 'string' }, bestuur: { type: 'string' }, leerling: { type: 'string' } } });
      if (!values.email || !values.naam || !values.rol) fail('Geef --email, --naam en --rol op. Zie "passend help".');
      if (!isRol(values.rol)) fail(`Onbekende rol "${values.rol}". Kies uit: ${ROLES.join(', ')}`);
      if (values.rol === 'leerling' && !values.leerling) fail('Een leerling-account hoort bij een leerling: geef --leerling <id> op (te zien in de adresbalk van het dossier).');
      const wachtwoord = process.env.PASSEND_NIEUW_WACHTWOORD;
      if (wachtwoord) {
        const problem = passwordProblem(wachtwoord, values.email);
        if (problem) fail(problem);
      }
      const config = loadConfig();
      const db = await openAndCheck(config);
      if (await isDemoDatabase(db)) {
        await db.close();
        fail('Dit is een demo-installatie: de demo-accounts hebben openbare wachtwoorden en de mailbox is openbaar. ' +
          'Maak echte accounts in een eigen installatie (verwijder data/pglite en start met PASSEND_DEMO=false).');
      }
      try {
        await createAccount({ db }, { email: values.email, naam: values.naam, rol: values.rol, wachtwoord, swvId: values.swv ?? null, vestigingCode: values.vestiging ?? null, bestuurNummer: values.bestuur ?? null, leerlingId: values.leerling ?? null });
        process.stdout.write(`Account ${values.email} heeft nu de rol ${values.rol}.${wachtwoord ? ' Bij de eerste keer inloggen stelt de gebruiker de app voor inlogcodes in.' : ''}\n`);
      } finally {
        await db.close();
      }
      return;
    }
    case 'backup': {
      const file = rest[0];
      if (!file) fail('Geef een bestandsnaam op: passend backup <bestand>');
      const config = loadConfig();
      const secret = resolveSecret(config);
      if (config.DATABASE_URL) {
        fs.writeFileSync(file, backupPostgres(config.BACKUP_DATABASE_URL ?? config.DATABASE_URL, secret), { mode: 0o600 });
      } else {
        const db = await openDatabase({ dataDir: pgliteDir(config) });
        try {
          fs.writeFileSync(file, await backupPglite(db.pglite!, secret), { mode: 0o600 });
        } finally {
          await db.close();
        }
      }
      process.stdout.write(`Versleutelde back-up geschreven naar ${file}. Bewaar PASSEND_SECRET (of ${config.DATABASE_URL ? 'uw geheim' : 'data/secret'}) apart: zonder dat geheim is de back-up niet te openen.\n`);
      return;
    }
    case 'restore': {
      const file = rest[0];
      if (!file || !fs.existsSync(file)) fail('Geef een bestaand back-upbestand op: passend restore <bestand>');
      const config = loadConfig();
      const { header, payload } = openBackup(resolveSecret(config), fs.readFileSync(file));
      if (config.DATABASE_URL) {
        if (header.kind !== 'postgres') fail('Deze back-up komt van een PGlite-installatie; zet hem terug zonder DATABASE_URL.');
        await restorePostgres(config.DATABASE_URL, payload);
      } else {
        if (header.kind !== 'pglite') fail('Deze back-up komt van PostgreSQL; zet hem terug met DATABASE_URL.');
        const release = acquireLock(pgliteDir(config));
        try {
          const kept = await restorePglite(pgliteDir(config), payload);
          if (kept) process.stdout.write(`De vorige database staat nog in ${kept}.\n`);
        } finally {
          release();
        }
      }
      const db = await openAndCheck(config);
      await runMigrations(db);
      await db.close();
      process.stdout.write(`Back-up van ${header.createdAt} teruggezet.\n`);
      return;
    }
    case 'verify-audit': {
      const config = loadConfig();
      const db = await openAndCheck(config);
      try {
        const r = await verifyAuditChain(db);
        if (!r.ok) fail(`Auditlog VERBROKEN bij gebeurtenis ${r.brokenAt}: ${r.reason}.`);
        process.stdout.write(`Auditlog in orde: ${r.events} gebeurtenissen, laatste hash ${r.headHash}.\n`);
      } finally {
        await db.close();
      }
      return;
    }
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(HELP);
      return;
    default:
      fail(`Onbekende opdracht "${command}".\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).catch((err) => {
  if (err instanceof AppError) fail(err.detail ?? err.title, err.code === 'database_locked' ? 2 : 1);
  fail(err instanceof Error ? err.message : String(err));
});
