/**
 * CSV with a header row, for any carrier: comma, semicolon (Russian Excel) or tab separated, UTF-8
 * with or without a BOM. Columns as in flat-record.ts; a row's place is its line in the file.
 */
import { parse } from 'csv-parse/sync';
import { ImportError, row, type ImportFormat, type ParsedRow, type ReadResult } from './format';
import { columnOf, flatBranch, REQUIRED_COLUMNS } from './flat-record';

function delimiterOf(header: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

/** Header names that map to no documented column; reported, since their data is not imported. */
export function unknownColumns(headers: readonly string[]): string[] {
  return headers.filter((h) => h.trim() && !columnOf(h));
}

export const csv: ImportFormat = {
  name: 'csv',
  detect(data, fileName) {
    if (/\.(csv|tsv|txt)$/i.test(fileName)) return true;
    const first =
      data
        .subarray(0, 2048)
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0] ?? '';
    return (
      /[,;\t]/.test(first) &&
      !/^\s*[[{]/.test(first) &&
      first.split(/[,;\t]/).some((h) => columnOf(h) === 'lat')
    );
  },
  read(data, fileName): ReadResult {
    const text = data.toString('utf8').replace(/^\uFEFF/, '');
    const headerLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = delimiterOf(headerLine);
    let records: { record: string[]; info: { lines: number } }[];
    try {
      records = parse(text, {
        delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
        info: true,
        trim: true,
      }) as never;
    } catch (error) {
      throw new ImportError(
        'malformed-csv',
        `${fileName} is not readable CSV: ${(error as Error).message}`,
        { cause: error },
      );
    }
    const [header, ...rows] = records;
    if (!header)
      throw new ImportError(
        'empty-csv',
        `${fileName} is empty: it needs a header row and data rows`,
      );
    const columns = header.record.map(columnOf);
    const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
    const hasAddress = columns.includes('address') || columns.includes('city');
    if (missing.length || !hasAddress) {
      const needed = [...missing, ...(hasAddress ? [] : ['address (or city)'])];
      throw new ImportError(
        'missing-columns',
        `${fileName} lacks required columns: ${needed.join(', ')}. The header has: ${header.record.join(', ')}`,
      );
    }
    const ignored = unknownColumns(header.record);
    const notes = ignored.length
      ? [`columns not imported (not in the mapping): ${ignored.join(', ')}`]
      : [];
    const parsed = rows.map(({ record, info }): ParsedRow => {
      const where = `line ${info.lines}`;
      if (record.length !== header.record.length) {
        return {
          where,
          problems: [
            {
              where,
              message: `has ${record.length} fields, the header has ${header.record.length}`,
            },
          ],
        };
      }
      const byColumn: Record<string, string> = {};
      columns.forEach((c, i) => {
        if (c) byColumn[c] = record[i]!;
      });
      return row(where, () => flatBranch(byColumn, 'csv'));
    });
    return { rows: parsed, notes };
  },
};
