/**
 * The interface every import format implements, one file per format beside this one.
 */
import type { Branch } from '#core/branch';

/** The formats an import can read, one file each beside this one. */
export const FORMAT_NAMES = ['pochta-passport', 'otpravka', 'csv', 'geojson'] as const;
/** One of FORMAT_NAMES. */
export type FormatName = (typeof FORMAT_NAMES)[number];

/** One problem with one row: where it is (`line 14`, `features[3]`), which field, and what is wrong. */
export interface RowProblem {
  where: string;
  field?: string;
  message: string;
}

/** A row read from a file: a candidate branch, or the problems that kept it from being one. */
export interface ParsedRow {
  where: string;
  branch?: Branch;
  problems: RowProblem[];
  /** What was read, but worth a word: the row is imported, and the report says these. */
  warnings?: RowProblem[];
}

/** Notes a row as imported but worth a word (a weekday its hours never name). */
export type Warn = (field: string, message: string) => void;

/** A file that cannot be imported at all (not a zip, not JSON, a CSV without required columns). */
export class ImportError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'ImportError';
    this.code = code;
  }
}

/** Every row of a file, and notes about the file as a whole. */
export interface ReadResult {
  rows: ParsedRow[];
  /** Things about the file as a whole worth telling (columns that were not imported). */
  notes?: string[];
}

/** One import format. */
export interface ImportFormat {
  name: FormatName;
  /** Whether the bytes look like this format. Cheap: looks at the start, parses at most once. */
  detect(data: Buffer, fileName: string): boolean;
  /** Reads every row; throws ImportError when the file as a whole is unusable. */
  read(data: Buffer, fileName: string): ReadResult;
}

/** Runs a row builder and turns its exceptions into a problem, so one bad row never stops a file. */
export function row(where: string, build: (warn: Warn) => Branch): ParsedRow {
  const warnings: RowProblem[] = [];
  try {
    const branch = build((field, message) => warnings.push({ where, field, message }));
    return { where, branch, problems: [], ...(warnings.length ? { warnings } : {}) };
  } catch (error) {
    const field = (error as { field?: string }).field;
    const message = error instanceof Error ? error.message : String(error);
    return { where, problems: [{ where, ...(field ? { field } : {}), message }] };
  }
}

/** Thrown inside a row builder: names the field that could not be read. */
export class RowFieldError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'RowFieldError';
    this.field = field;
  }
}

/** Reads a JSON file or throws an ImportError that says where it broke. */
export function parseJson(data: Buffer, what: string): unknown {
  try {
    return JSON.parse(data.toString('utf8').replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new ImportError(
      'malformed-json',
      `${what} is not valid JSON: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** Any JSON value as text for reading and for messages: objects as JSON, nothing as ''. */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value) ?? '';
}
