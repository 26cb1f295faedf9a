/**
 * Finding a branch by what a buyer types: a postal code (full or its start), a town, a street with
 * or without the house number, in any case, with ё or е, words in any order, in Cyrillic or Latin.
 *
 * An inverted index from word skeletons (text.ts) to branches, the skeletons sorted so that a word
 * still being typed matches every key it begins. Each query word must match some field of a branch
 * (AND); branches score by the fields their words hit (postal code above town above street) and by
 * whether a word matched whole; ties go to the nearest to `near`. A query whose words cannot all
 * match drops the words that match nothing at all (a typo), when others remain.
 */
import type { Branch, BranchType } from '#core/branch';
import { distanceMetres, type LonLat } from '#core/geo';
import { EXONYMS, normalize, skeleton, words } from './text';
import type { PlaceHit } from '#core/summary';

const enum Field {
  PostalCode,
  City,
  Street,
  House,
  Name,
  Region,
}

/** Points a word earns in a field: whole-word match, then prefix. */
const WEIGHTS: Readonly<Record<Field, readonly [full: number, prefix: number]>> = {
  [Field.PostalCode]: [100, 70],
  [Field.City]: [40, 25],
  [Field.Street]: [30, 18],
  [Field.House]: [15, 4],
  [Field.Name]: [12, 8],
  [Field.Region]: [8, 4],
};
/** An exact postal code outranks everything. */
const EXACT_POSTAL_BONUS = 1000;
/** Points lost per tenfold distance from `near` (1 km: 0, 10 km: -6, 100 km: -12). */
const DISTANCE_PENALTY = 6;
/** Digit words shorter than this are house numbers, not the start of a postal code. */
const MIN_POSTAL_PREFIX = 3;
/** Prefix matching starts at two letters: one letter would match a tenth of all words. */
const MIN_PREFIX = 2;

/** A branch that matched, with its score. */
export interface SearchHit {
  branch: Branch;
  score: number;
  /** Metres from `near`, when given. */
  distance?: number;
}

export type { PlaceHit } from '#core/summary';

/** How to search: how many, near what, of which types. */
export interface SearchOptions {
  near?: LonLat;
  limit: number;
  types?: readonly BranchType[];
}

interface Posting {
  doc: number;
  field: Field;
}

const isDigits = (w: string): boolean => /^\d+$/.test(w);

/** The search index of one snapshot. */
export class SearchIndex {
  private readonly branches: readonly Branch[];
  private readonly keys: string[];
  private readonly postings: Posting[][];
  private readonly places: PlaceHit[];
  private readonly placeKeys: string[][];

  constructor(branches: readonly Branch[]) {
    this.branches = branches;
    const byKey = new Map<string, Posting[]>();
    const add = (key: string, doc: number, field: Field): void => {
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = []));
      const last = list[list.length - 1];
      if (last?.doc === doc) {
        if (field < last.field) last.field = field; // keep the better field
      } else {
        list.push({ doc, field });
      }
    };
    branches.forEach((b, doc) => {
      add(b.postalCode, doc, Field.PostalCode);
      if (b.id !== b.postalCode && isDigits(b.id)) add(b.id, doc, Field.PostalCode);
      for (const w of words(b.address.city)) add(skeleton(w), doc, Field.City);
      for (const w of words(b.address.street))
        add(isDigits(w) ? w : skeleton(w), doc, Field.Street);
      for (const w of words(b.address.house)) add(isDigits(w) ? w : skeleton(w), doc, Field.House);
      for (const w of words(b.name)) if (!isDigits(w)) add(skeleton(w), doc, Field.Name);
      for (const w of words(b.address.region)) add(skeleton(w), doc, Field.Region);
    });
    // Postings were added doc by doc, so each list is sorted by doc; for a key added for several
    // fields of one doc, the loop above kept one entry with the best field.
    this.keys = [...byKey.keys()].sort();
    this.postings = this.keys.map((k) => byKey.get(k)!);
    ({ places: this.places, keys: this.placeKeys } = buildPlaces(branches));
  }

  /** Branches matching the query, best first. */
  search(query: string, options: SearchOptions): SearchHit[] {
    const terms = this.terms(query);
    if (!terms.length) return [];
    let matches = terms.map((t) => this.match(t));
    if (matches.some((m) => m.size === 0)) {
      const kept = matches.filter((m) => m.size > 0);
      // Every word but the typo matched something: search without the typo.
      if (!kept.length) return [];
      matches = kept;
    }
    matches.sort((a, b) => a.size - b.size);
    const [first, ...rest] = matches;
    const exactPostal =
      terms.length === 1 && /^\d{6}$/.test(terms[0]!.text) ? terms[0]!.text : null;
    const hits: SearchHit[] = [];
    const types = options.types?.length ? new Set(options.types) : null;
    for (const [doc, score] of first!) {
      let total = score;
      let ok = true;
      for (const m of rest) {
        const s = m.get(doc);
        if (s === undefined) {
          ok = false;
          break;
        }
        total += s;
      }
      if (!ok) continue;
      const branch = this.branches[doc]!;
      if (types && !types.has(branch.type)) continue;
      if (exactPostal && branch.postalCode === exactPostal) total += EXACT_POSTAL_BONUS;
      const hit: SearchHit = { branch, score: total };
      if (options.near) {
        hit.distance = Math.round(distanceMetres(options.near, branch.location));
        hit.score -= DISTANCE_PENALTY * Math.log10(1 + hit.distance / 1000);
      }
      hits.push(hit);
    }
    hits.sort(
      (a, b) =>
        b.score - a.score ||
        (a.distance ?? 0) - (b.distance ?? 0) ||
        (a.branch.id < b.branch.id ? -1 : 1),
    );
    return hits.slice(0, options.limit);
  }

  /** Towns whose name (or region) matches every word, largest first. */
  searchPlaces(query: string, limit: number): PlaceHit[] {
    const terms = this.terms(query).filter((t) => !isDigits(t.text));
    if (!terms.length) return [];
    const out: PlaceHit[] = [];
    this.places.forEach((place, i) => {
      const keys = this.placeKeys[i]!;
      if (
        terms.every((t) =>
          keys.some((k) => (t.last ? k.startsWith(t.key) : k === t.key || k.startsWith(t.key))),
        )
      ) {
        out.push(place);
      }
    });
    return out.sort((a, b) => b.branches - a.branches).slice(0, limit);
  }

  private terms(query: string): { text: string; key: string; last: boolean }[] {
    let normalized = normalize(query);
    for (const [english, russian] of Object.entries(EXONYMS)) {
      normalized = normalized.replace(new RegExp(`\\b${english}\\b`, 'g'), russian);
    }
    const list = words(normalized);
    return list.map((w, i) => ({
      text: w,
      key: isDigits(w) ? w : skeleton(w),
      last: i === list.length - 1,
    }));
  }

  /** Docs a query word matches, each with its best score. */
  private match(term: { text: string; key: string; last: boolean }): Map<number, number> {
    const out = new Map<number, number>();
    const digits = isDigits(term.key);
    const prefixOk = digits
      ? term.key.length >= MIN_POSTAL_PREFIX || term.last
      : term.key.length >= MIN_PREFIX;
    let i = lowerBound(this.keys, term.key);
    for (; i < this.keys.length; i++) {
      const key = this.keys[i]!;
      if (!key.startsWith(term.key)) break;
      const full = key === term.key;
      if (!full && !prefixOk) break;
      for (const { doc, field } of this.postings[i]!) {
        // A short number is a house number: it matches postal codes only from three digits on.
        if (digits && field === Field.PostalCode && term.key.length < MIN_POSTAL_PREFIX) continue;
        const score = WEIGHTS[field][full ? 0 : 1];
        const before = out.get(doc);
        if (before === undefined || score > before) out.set(doc, score);
      }
    }
    return out;
  }
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Distinct towns (city within region) with their branches' centre and extent. */
function buildPlaces(branches: readonly Branch[]): { places: PlaceHit[]; keys: string[][] } {
  const groups = new Map<string, Branch[]>();
  for (const b of branches) {
    if (!b.address.city) continue;
    const key = `${b.address.city}\u0000${b.address.region}`;
    const list = groups.get(key) ?? [];
    list.push(b);
    groups.set(key, list);
  }
  const places: PlaceHit[] = [];
  const keys: string[][] = [];
  for (const list of groups.values()) {
    const { city, region } = list[0]!.address;
    const lons = list.map((b) => b.location.lon);
    const lats = list.map((b) => b.location.lat);
    const round = (x: number) => Math.round(x * 1e5) / 1e5;
    places.push({
      name: city,
      region,
      lon: round(lons.reduce((s, x) => s + x, 0) / list.length),
      lat: round(lats.reduce((s, x) => s + x, 0) / list.length),
      bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
      branches: list.length,
    });
    keys.push([...words(city), ...words(region)].map(skeleton));
  }
  return { places, keys };
}
