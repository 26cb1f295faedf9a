/**
 * Finding a branch by what a buyer types: a postal code (full or its start), a town (by its name,
 * an everyday name, a misspelling, typed on the wrong keyboard layout), a street with or without
 * the house number, in any case, with ё or е, words in any order, in Cyrillic or Latin.
 *
 * An inverted index from word skeletons (text.ts) to branches and towns, the skeletons sorted so
 * that a word still being typed matches every key it begins; a trigram index over the same keys
 * for typos (fuzzy.ts). Every word must match some field of a result (AND), scored as rank.ts
 * says. A query read on the other layout (keyboard.ts) is tried when the query as typed finds
 * nothing better than typos. When the words have no result in common, the largest set of them
 * that has (town and postal-code words first) answers, and the words left out are named.
 */
import type { Branch, BranchType } from '#core/branch';
import { distanceMetres, type LonLat } from '#core/geo';
import type { PlaceHit } from '#core/summary';
import { FuzzyIndex, allowedEdits } from './fuzzy';
import { otherLayout } from './keyboard';
import { parseQuery, type Term } from './query';
import { EXACT_POSTAL_BONUS, Field, Kind, onOtherLayout, wordPoints } from './rank';
import { normalize, skeleton, words } from './text';
import { buildPlaces } from './places';

/** Digit words shorter than this are house numbers, not the start of a postal code. */
const MIN_POSTAL_PREFIX = 3;
/** Prefix matching starts at two letters: one letter would match a tenth of all words. */
const MIN_PREFIX = 2;
/** Shorter starts match towns only: two letters of a street say nothing yet ("мо": Москва). */
const MIN_STREET_PREFIX = 3;
/** Towns suggested at most. */
const MAX_PLACES = 5;
/** Words tried in the fallback's subsets at most (2^n subsets). */
const MAX_FALLBACK_TERMS = 6;

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

/** What a search found. */
export interface SearchResult {
  hits: SearchHit[];
  places: PlaceHit[];
  /** Words of the query (as typed) that no result matches, left out to find something. */
  unmatched: string[];
  /** The query as read on the other keyboard layout, when that is what answered. */
  layout?: string;
}

interface Posting {
  doc: number;
  field: Field;
}

/** One query word's matches: points per branch and per town. */
interface TermMatch {
  term: Term;
  docs: Map<number, number>;
  places: Map<number, number>;
}

const isDigits = (w: string): boolean => /^\d+$/.test(w);
/** A number of up to three digits among other words: a house number, not a postal code. */
const isHouse = (term: Term): boolean => term.digits && term.letters <= 3;

/** The search index of one snapshot. */
export class SearchIndex {
  private readonly branches: readonly Branch[];
  private readonly keys: string[];
  private readonly postings: Posting[][];
  /** The postings of each key in a town's name only (for short starts). */
  private readonly townPostings: Posting[][];
  private readonly placePostings: Posting[][];
  private readonly places: PlaceHit[];
  private readonly fuzzy: FuzzyIndex;
  /** Branches and towns by normalised town name, for aliases. */
  private readonly byTown = new Map<string, { docs: number[]; places: number[] }>();

  constructor(branches: readonly Branch[]) {
    this.branches = branches;
    const byKey = new Map<string, { docs: Posting[]; places: Posting[] }>();
    const add = (key: string, doc: number, field: Field, place = false): void => {
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { docs: [], places: [] }));
      const list = place ? entry.places : entry.docs;
      const last = list[list.length - 1];
      if (last?.doc === doc) {
        if (field < last.field) last.field = field; // keep the better field
      } else {
        list.push({ doc, field });
      }
    };
    const town = (name: string) => {
      const key = normalize(name);
      let entry = this.byTown.get(key);
      if (!entry) this.byTown.set(key, (entry = { docs: [], places: [] }));
      return entry;
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
      if (b.address.city) town(b.address.city).docs.push(doc);
    });
    this.places = buildPlaces(branches);
    this.places.forEach((place, id) => {
      for (const w of words(place.name)) add(skeleton(w), id, Field.City, true);
      for (const w of words(place.region)) add(skeleton(w), id, Field.Region, true);
      town(place.name).places.push(id);
    });
    // Postings were added doc by doc, so each list is sorted by doc; for a key added for several
    // fields of one doc, the loop above kept one entry with the best field.
    this.keys = [...byKey.keys()].sort();
    this.postings = this.keys.map((k) => byKey.get(k)!.docs);
    this.townPostings = this.postings.map((list) => list.filter((p) => p.field === Field.City));
    this.placePostings = this.keys.map((k) => byKey.get(k)!.places);
    this.fuzzy = new FuzzyIndex(this.keys);
  }

  /** Branches and towns matching the query, best first, and the words left out if any. */
  find(query: string, options: SearchOptions): SearchResult {
    const typed = this.answer(parseQuery(query), options, false);
    // The other layout can only beat typos: a whole word read on it ranks below a prefix.
    if (typed.unmatched.length === 0 && typed.best >= wordPoints(Kind.Prefix, Field.Region))
      return typed;
    const converted = otherLayout(query);
    if (converted === null) return typed;
    const other = this.answer(parseQuery(converted), options, true);
    const better =
      other.unmatched.length < typed.unmatched.length ||
      (other.unmatched.length === typed.unmatched.length && other.best > typed.best);
    return better ? { ...other, layout: normalize(converted) } : typed;
  }

  /** Branches matching the query, best first. */
  search(query: string, options: SearchOptions): SearchHit[] {
    return this.find(query, options).hits;
  }

  /**
   * The answer for one reading of the query: every word, else the largest set of words that has
   * a result. `best` is the top result's points per word (to compare readings by).
   */
  private answer(
    { terms, beyond }: { terms: readonly Term[]; beyond: readonly string[] },
    options: SearchOptions,
    layout: boolean,
  ): SearchResult & { best: number } {
    const none = { hits: [], places: [], unmatched: [...beyond], best: 0 };
    if (!terms.length) return none;
    const matches = terms.map((t) => this.match(t, layout));
    const types = options.types?.length ? new Set(options.types) : null;
    let kept = matches;
    let hits = this.intersect(kept, types);
    if (!hits.size) {
      const subset = this.fallback(matches, types);
      if (!subset) return { ...none, unmatched: [...terms.map((t) => t.typed), ...beyond] };
      ({ kept, hits } = subset);
    }
    const places = this.rankPlaces(kept);
    // Only a town's words kept (the rest left out): its branches nearest to the town's centre.
    const townOnly =
      kept.length < matches.length && places.length > 0 && kept.every((m) => m.places.size > 0);
    const near = townOnly ? { lon: places[0]!.lon, lat: places[0]!.lat } : options.near;
    const exactPostal =
      kept.length === 1 && /^\d{6}$/.test(kept[0]!.term.key) ? kept[0]!.term.key : null;
    const ranked = this.top(hits, options.limit, near, exactPostal);
    const unmatched = [
      ...matches.filter((m) => !kept.includes(m)).map((m) => m.term.typed),
      ...beyond,
    ];
    const best = ranked.length ? (ranked[0]!.score % EXACT_POSTAL_BONUS) / kept.length : 0;
    return { hits: ranked, places, unmatched, best };
  }

  /**
   * The best `limit` hits by points, then distance from `near`, then id. Only hits that can still
   * make the list are measured and kept: a short query matches tens of thousands.
   */
  private top(
    hits: Map<number, number>,
    limit: number,
    near: LonLat | undefined,
    exactPostal: string | null,
  ): SearchHit[] {
    const order = (a: SearchHit, b: SearchHit) =>
      b.score - a.score ||
      (a.distance ?? 0) - (b.distance ?? 0) ||
      (a.branch.id < b.branch.id ? -1 : 1);
    let kept: SearchHit[] = [];
    let floor = -Infinity; // the lowest score still in `kept` once it is full
    for (const [doc, points] of hits) {
      const branch = this.branches[doc]!;
      const score =
        exactPostal && branch.postalCode === exactPostal ? points + EXACT_POSTAL_BONUS : points;
      if (score < floor) continue;
      const hit: SearchHit = { branch, score };
      if (near) hit.distance = Math.round(distanceMetres(near, branch.location));
      kept.push(hit);
      if (kept.length >= limit * 4) {
        kept = kept.sort(order).slice(0, limit);
        floor = kept[kept.length - 1]!.score;
      }
    }
    return kept.sort(order).slice(0, limit);
  }

  /** Branches every word matches (of `types`), with their summed points. */
  private intersect(matches: readonly TermMatch[], types: Set<BranchType> | null) {
    return sumOfAll(
      matches.map((m) => m.docs),
      types && ((doc) => types.has(this.branches[doc]!.type)),
    );
  }

  /**
   * The largest set of words with a result in common: among sets of one size, those with more
   * town and postal-code words first. A house number is never kept without a street word.
   */
  private fallback(matches: readonly TermMatch[], types: Set<BranchType> | null) {
    const usable = matches.filter((m) => m.docs.size > 0).slice(0, MAX_FALLBACK_TERMS);
    const weight = (m: TermMatch) => (isHouse(m.term) ? 0 : m.term.digits || m.places.size ? 1 : 0);
    const subsets: TermMatch[][] = [];
    for (let mask = 1; mask < 1 << usable.length; mask++)
      subsets.push(usable.filter((_, i) => mask & (1 << i)));
    const score = (s: TermMatch[]) => s.reduce((sum, m) => sum + weight(m), 0);
    subsets.sort((a, b) => b.length - a.length || score(b) - score(a));
    for (const kept of subsets) {
      const house = kept.some((m) => isHouse(m.term));
      const street = kept.some((m) => !m.term.digits && m.places.size === 0);
      if (house && !street) continue;
      const hits = this.intersect(kept, types);
      if (hits.size) return { kept, hits };
    }
    return null;
  }

  /** Towns every kept word (but numbers) matches, best first, then largest. */
  private rankPlaces(kept: readonly TermMatch[]): PlaceHit[] {
    const lettered = kept.filter((m) => !m.term.digits);
    if (!lettered.length) return [];
    const found = [...sumOfAll(lettered.map((m) => m.places))].map(([id, points]) => ({
      place: this.places[id]!,
      points,
    }));
    return found
      .sort((a, b) => b.points - a.points || b.place.branches - a.place.branches)
      .slice(0, MAX_PLACES)
      .map((f) => f.place);
  }

  /** What one word matches: whole words, starts of words, its alias's town, typos. */
  private match(term: Term, layout: boolean): TermMatch {
    const out: TermMatch = { term, docs: new Map(), places: new Map() };
    const kind = (k: Kind) => (layout ? onOtherLayout(k) : k);
    const put = (map: Map<number, number>, id: number, points: number) => {
      const before = map.get(id);
      if (before === undefined || points > before) map.set(id, points);
    };
    const addKey = (i: number, k: Kind, edits = 0, whole = true) => {
      const short = k === Kind.Prefix && !term.digits && term.letters < MIN_STREET_PREFIX;
      for (const { doc, field } of (short ? this.townPostings : this.postings)[i]!) {
        // A short number is a house number: it matches postal codes only from three digits on.
        if (term.digits && field === Field.PostalCode && term.key.length < MIN_POSTAL_PREFIX)
          continue;
        put(out.docs, doc, wordPoints(kind(k), field, edits, whole));
      }
      for (const { doc, field } of this.placePostings[i]!)
        put(out.places, doc, wordPoints(kind(k), field, edits, whole));
    };
    if (term.alias) {
      const town = this.byTown.get(term.alias);
      for (const doc of town?.docs ?? [])
        put(out.docs, doc, wordPoints(kind(Kind.Exact), Field.City));
      for (const id of town?.places ?? [])
        put(out.places, id, wordPoints(kind(Kind.Exact), Field.City));
    }
    if (!term.key) return out;
    const prefixOk = term.digits
      ? term.key.length >= MIN_POSTAL_PREFIX || term.last
      : term.key.length >= MIN_PREFIX;
    let whole = false;
    for (let i = lowerBound(this.keys, term.key); i < this.keys.length; i++) {
      const key = this.keys[i]!;
      if (!key.startsWith(term.key)) break;
      const full = key === term.key;
      if (!full && !prefixOk) break;
      whole ||= full;
      addKey(i, full ? Kind.Exact : Kind.Prefix);
    }
    // Typos for a word that is nowhere whole (and never for numbers or the other layout).
    if (!whole && !term.digits && !layout) {
      const edits = allowedEdits(Math.min(term.letters, term.key.length));
      for (const near of this.fuzzy.near(term.key, edits, term.last))
        addKey(near.key, Kind.Typo, near.edits, near.whole);
    }
    return out;
  }
}

/**
 * The ids every map holds (and `keep` lets through), with their values summed: the smallest map
 * walked, the others looked up.
 */
function sumOfAll(
  maps: readonly Map<number, number>[],
  keep?: ((id: number) => boolean) | null,
): Map<number, number> {
  const out = new Map<number, number>();
  if (!maps.length) return out;
  const [first, ...rest] = [...maps].sort((a, b) => a.size - b.size);
  for (const [id, points] of first!) {
    let total = points;
    for (const m of rest) {
      const p = m.get(id);
      if (p === undefined) {
        total = NaN;
        break;
      }
      total += p;
    }
    if (!Number.isNaN(total) && (!keep || keep(id))) out.set(id, total);
  }
  return out;
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
