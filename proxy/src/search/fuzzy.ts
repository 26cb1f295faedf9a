/**
 * Typo tolerance over the index's words: which keys are within a few edits of a query word, fast
 * enough to ask for every word of every query. Candidates come from a trigram index (a key within
 * d edits of the word shares all but 3·d of its padded trigrams, as in pg_trgm), and are checked
 * by the optimal-string-alignment distance (insert, delete, substitute, swap two neighbours: one
 * edit each), cut off as soon as it cannot stay within d. A word still being typed is compared
 * with the keys' starts (`prefix`): "владивас" is one edit from the start of "владивосток".
 */

/** Edits allowed for a word of this many letters: none up to 3, one from 4, two from 8. */
export function allowedEdits(letters: number): number {
  return letters >= 8 ? 2 : letters >= 4 ? 1 : 0;
}

/** One key near the word, and how near. */
export interface NearKey {
  key: number;
  edits: number;
  /** Near the whole key, not only its start (for a `prefix` lookup). */
  whole: boolean;
}

const PAD = '\u0001';

/** The distinct trigrams of `word` padded at the start (and at the end unless `open`). */
function trigrams(word: string, open: boolean): string[] {
  const padded = `${PAD}${PAD}${word}${open ? '' : PAD}`;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return [...out];
}

export class FuzzyIndex {
  private readonly keys: readonly string[];
  /** Key ids by trigram, ascending. */
  private readonly grams = new Map<string, Int32Array>();
  /** Per key: how many query trigrams it shares, reset after each lookup. */
  private readonly shared: Uint16Array;

  constructor(keys: readonly string[]) {
    this.keys = keys;
    this.shared = new Uint16Array(keys.length);
    const lists = new Map<string, number[]>();
    keys.forEach((key, id) => {
      for (const gram of trigrams(key, false)) {
        let list = lists.get(gram);
        if (!list) lists.set(gram, (list = []));
        list.push(id);
      }
    });
    for (const [gram, list] of lists) this.grams.set(gram, Int32Array.from(list));
  }

  /**
   * Keys within `edits` of `word` (`prefix`: of the start of a key), nearest first; none for
   * `edits` 0. Exact matches are found elsewhere and left out here.
   */
  near(word: string, edits: number, prefix: boolean): NearKey[] {
    if (edits <= 0) return [];
    const grams = trigrams(word, prefix);
    // A key shares at least this many of the word's trigrams, or it is more than `edits` away.
    const needed = Math.max(prefix ? 2 : 1, grams.length - 3 * edits);
    const touched: number[] = [];
    const shared = this.shared;
    for (const gram of grams) {
      const list = this.grams.get(gram);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const id = list[i]!;
        if (shared[id] === 0) touched.push(id);
        shared[id]!++;
      }
    }
    const out: NearKey[] = [];
    for (const id of touched) {
      const count = shared[id]!;
      shared[id] = 0;
      if (count < needed) continue;
      const key = this.keys[id]!;
      if (!prefix && Math.abs(key.length - word.length) > edits) continue;
      if (prefix && key.length < word.length - edits) continue;
      const d = distance(word, key, edits, prefix);
      if (d > 0 && d <= edits) {
        const whole = !prefix || distance(word, key, edits) <= edits;
        out.push({ key: id, edits: d, whole });
      }
    }
    return out.sort((a, b) => a.edits - b.edits || a.key - b.key);
  }
}

/**
 * The optimal-string-alignment distance of `a` to `b` (`prefix`: to the nearest start of `b`),
 * or `max + 1` once it must exceed `max`.
 */
export function distance(a: string, b: string, max: number, prefix = false): number {
  const n = a.length;
  const m = prefix ? Math.min(b.length, n + max) : b.length;
  if (!prefix && Math.abs(n - m) > max) return max + 1;
  // Rows of the DP over b's letters; `two` is the row before `prev`, for swaps.
  let two = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, i) => i);
  let row = new Array<number>(n + 1).fill(0);
  let best = prefix ? prev[n]! : max + 1;
  for (let j = 1; j <= m; j++) {
    row[0] = j;
    let rowMin = j;
    const bj = b.charCodeAt(j - 1);
    for (let i = 1; i <= n; i++) {
      const ai = a.charCodeAt(i - 1);
      let d = Math.min(prev[i]! + 1, row[i - 1]! + 1, prev[i - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        d = Math.min(d, two[i - 2]! + 1);
      row[i] = d;
      if (d < rowMin) rowMin = d;
    }
    // The whole of `a` against the first j letters of `b`: a candidate for a prefix match.
    if (prefix && row[n]! < best) best = row[n]!;
    if (rowMin > max) {
      if (!prefix) return max + 1;
      break; // no longer start of `b` can come nearer
    }
    [two, prev, row] = [prev, row, two];
  }
  const total = prefix ? best : prev[n]!;
  return total > max ? max + 1 : total;
}
