/**
 * `npm run import -- <file> [--format pochta-passport|otpravka|csv|geojson] [--replace|--merge]
 * [--max-rejected 5%] [--dry-run]`: imports branches into the proxy's database (DATABASE_URL when
 * set, else DATABASE_PATH, read through the proxy's configuration, `ENV` in config.ts). Running
 * proxies pick the change up within seconds (on PostgreSQL at once, by notification).
 *
 * Exit codes: 0 applied, 1 nothing applied (the file or too many rows were bad), 2 bad usage.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, ENV, readEnv } from '../config';
import { ImportError, FORMAT_NAMES, type FormatName } from '../importers/format';
import {
  DEFAULT_MAX_REJECTED_SHARE,
  formatReport,
  ImportRejected,
  readImport,
  runImport,
} from '../importers/run-import';
import { DatabaseUnusable } from '../store/database';
import { openStore, redactedUrl } from '../store/open-store';

const USAGE = `usage: npm run import -- <file> [--format ${FORMAT_NAMES.join('|')}] [--replace|--merge] [--max-rejected 5%] [--dry-run]

  --format        the file's format; detected from its content when omitted
  --merge         add new branches and update changed ones; keep the rest (default)
  --replace       afterwards the database holds exactly the file's branches
  --max-rejected  apply nothing when more rows than this are rejected (default ${DEFAULT_MAX_REJECTED_SHARE * 100}%)
  --dry-run       read and check the file, report, change nothing`;

function usage(message: string): never {
  console.error(`import: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function share(raw: string): number {
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(raw.trim());
  if (!m) usage(`--max-rejected "${raw}" is not a share such as 5% or 0.05`);
  const n = Number(m[1]);
  const value = m[2] ? n / 100 : n;
  if (value < 0 || value > 1) usage(`--max-rejected "${raw}" must be from 0% to 100%`);
  return value;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        replace: { type: 'boolean', default: false },
        merge: { type: 'boolean', default: false },
        'max-rejected': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) usage(positionals.length ? 'give one file' : 'which file?');
  if (values.replace && values.merge) usage('--replace and --merge exclude each other');
  if (values.format && !(FORMAT_NAMES as readonly string[]).includes(values.format)) {
    usage(`--format "${values.format}" is not one of ${FORMAT_NAMES.join(', ')}`);
  }
  const file = path.resolve(positionals[0]!);
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    console.error(
      `import: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
    return 1;
  }
  const options = {
    fileName: path.basename(file),
    ...(values.format ? { format: values.format as FormatName } : {}),
  };
  try {
    if (values['dry-run']) {
      const r = readImport(data, options);
      console.log(
        formatReport({
          format: r.format,
          read: r.read,
          added: 0,
          updated: 0,
          unchanged: 0,
          removed: 0,
          rejected: r.read - r.accepted.length,
          problems: r.problems,
          warnings: r.warnings,
          notes: r.notes,
        }),
      );
      console.log('dry run: nothing changed');
      return 0;
    }
    const database = readEnv(process.env, ENV.DATABASE_PATH);
    const databaseUrl = readEnv(process.env, ENV.DATABASE_URL);
    const store = await openStore({ database, databaseUrl }, false);
    try {
      const report = await runImport(store.branches, data, {
        ...options,
        mode: values.replace ? 'replace' : 'merge',
        maxRejectedShare: values['max-rejected']
          ? share(values['max-rejected'])
          : DEFAULT_MAX_REJECTED_SHARE,
        origin: file,
      });
      console.log(formatReport(report));
      console.log(`applied to ${databaseUrl ? redactedUrl(databaseUrl) : database}`);
      return 0;
    } finally {
      await store.close();
    }
  } catch (error) {
    if (error instanceof ImportRejected) {
      console.error(formatReport(error.report));
      console.error(`import: ${error.message}`);
      return 1;
    }
    if (error instanceof ConfigError) {
      console.error(`import: ${error.message}`);
      return 2;
    }
    if (error instanceof DatabaseUnusable) {
      console.error(`import: ${error.variable} (${error.path}) cannot be used: ${error.message}`);
      return 1;
    }
    if (error instanceof ImportError) {
      console.error(`import: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
