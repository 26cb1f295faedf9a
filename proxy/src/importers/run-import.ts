/**
 * One import, from bytes to the database: pick the format (or detect it), read every row, validate
 * each, reject duplicates, then apply the good rows in one transaction. Every rejected row is
 * reported with where it is and why; nothing is dropped silently. A file that is unusable as a
 * whole, or whose rejected rows pass a share (5% by default: the wrong file, or a format that
 * changed), applies nothing at all.
 */
import type { Branch, BranchSource } from '#core/branch';
import type { ApplyMode, BranchStore } from '../store/branch-store';
import { csv } from './csv';
import {
  FORMAT_NAMES,
  ImportError,
  type FormatName,
  type ImportFormat,
  type RowProblem,
} from './format';
import { geojson } from './geojson';
import { otpravka } from './otpravka';
import { pochtaPassport } from './pochta-passport';
import { validateBranch } from './validate';

/** In detection order: the most specific signatures first. */
export const FORMATS: readonly ImportFormat[] = [pochtaPassport, geojson, otpravka, csv];

export const DEFAULT_MAX_REJECTED_SHARE = 0.05;

export interface ImportOptions {
  fileName: string;
  /** Detected from the content when omitted. */
  format?: FormatName;
  mode: ApplyMode;
  /** With `replace`: the sources the file replaces (default: all). */
  replaceSources?: readonly BranchSource[];
  /** Above this share of rejected rows nothing is applied. Default 0.05. */
  maxRejectedShare?: number;
  /** What started the import, for the history: a file path, `sync`. */
  origin: string;
}

export interface ImportReport {
  format: FormatName;
  read: number;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  rejected: number;
  problems: RowProblem[];
  /** Rows imported with a word of warning (a weekday their hours never name). */
  warnings: RowProblem[];
  notes: string[];
}

/** An import that applied nothing, with the report of what was read. */
export class ImportRejected extends ImportError {
  readonly report: ImportReport;
  constructor(message: string, report: ImportReport) {
    super('too-many-rejected', message);
    this.report = report;
  }
}

export function detectFormat(data: Buffer, fileName: string): ImportFormat {
  const found = FORMATS.find((f) => f.detect(data, fileName));
  if (!found) {
    throw new ImportError(
      'unknown-format',
      `${fileName}: cannot tell the format; pass --format with one of ${FORMAT_NAMES.join(', ')}`,
    );
  }
  return found;
}

export function formatByName(name: string): ImportFormat {
  const found = FORMATS.find((f) => f.name === name);
  if (!found)
    throw new ImportError(
      'unknown-format',
      `"${name}" is not a format: use one of ${FORMAT_NAMES.join(', ')}`,
    );
  return found;
}

/** Reads and validates without touching the database: the rows that would be applied, and the rest. */
export function readImport(data: Buffer, options: Pick<ImportOptions, 'fileName' | 'format'>) {
  const format = options.format
    ? formatByName(options.format)
    : detectFormat(data, options.fileName);
  const { rows, notes = [] } = format.read(data, options.fileName);
  const accepted: Branch[] = [];
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const firstSeen = new Map<string, string>();
  for (const r of rows) {
    if (!r.branch) {
      problems.push(...r.problems);
      continue;
    }
    const invalid = validateBranch(r.branch);
    if (invalid.length) {
      problems.push(
        ...invalid.map((p) => ({ where: r.where, field: p.field, message: p.message })),
      );
      continue;
    }
    const earlier = firstSeen.get(r.branch.id);
    if (earlier) {
      problems.push({
        where: r.where,
        field: 'id',
        message: `"${r.branch.id}" is a duplicate of ${earlier}`,
      });
      continue;
    }
    firstSeen.set(r.branch.id, r.where);
    accepted.push(r.branch);
    if (r.warnings) warnings.push(...r.warnings);
  }
  return { format: format.name, read: rows.length, accepted, problems, warnings, notes };
}

export async function runImport(
  repository: BranchStore,
  data: Buffer,
  options: ImportOptions,
): Promise<ImportReport> {
  const startedAt = Date.now();
  const { format, read, accepted, problems, warnings, notes } = readImport(data, options);
  const rejected = read - accepted.length;
  const report: ImportReport = {
    format,
    read,
    added: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    rejected,
    problems,
    warnings,
    notes,
  };
  if (read === 0)
    throw new ImportRejected(`${options.fileName} holds no rows: nothing applied`, report);
  const limit = options.maxRejectedShare ?? DEFAULT_MAX_REJECTED_SHARE;
  if (rejected / read > limit) {
    throw new ImportRejected(
      `${rejected} of ${read} rows were rejected, more than ${Math.round(limit * 100)}%: nothing applied. ` +
        'Fix the rows below, or raise the limit with --max-rejected if they are expected.',
      report,
    );
  }
  const result = await repository.apply(accepted, {
    mode: options.mode,
    replaceSources: options.replaceSources,
  });
  Object.assign(report, result);
  await repository.logImport({
    startedAt,
    origin: options.origin,
    format,
    mode: options.mode,
    read,
    rejected,
    result,
  });
  return report;
}

/** The report as people read it: one summary line, then one line per problem, then per warning. */
export function formatReport(report: ImportReport, maxProblems = 50): string {
  const lines = [
    `${report.format}: read ${report.read}, added ${report.added}, updated ${report.updated}, ` +
      `unchanged ${report.unchanged}, removed ${report.removed}, rejected ${report.rejected}`,
    ...report.notes.map((n) => `note: ${n}`),
    ...report.problems
      .slice(0, maxProblems)
      .map((p) => `rejected ${p.where}${p.field ? `, ${p.field}` : ''}: ${p.message}`),
  ];
  if (report.problems.length > maxProblems)
    lines.push(`… and ${report.problems.length - maxProblems} more problems`);
  lines.push(
    ...report.warnings
      .slice(0, maxProblems)
      .map((p) => `warning ${p.where}${p.field ? `, ${p.field}` : ''}: ${p.message}`),
  );
  if (report.warnings.length > maxProblems)
    lines.push(`… and ${report.warnings.length - maxProblems} more warnings`);
  return lines.join('\n');
}
