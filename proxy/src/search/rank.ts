/**
 * How search orders what it finds, all in one place. A result's score is the sum, over the query's
 * words, of the points the word earns where it matched best:
 *
 * 1. an exact postal code outranks everything;
 * 2. then how each word matched: a whole word (an alias counts as one: `питер` is the whole of
 *    Санкт-Петербург) over the start of a word, over a whole word read on the other keyboard
 *    layout, over a word within a typo or two (one edit above two, a whole word above the start of
 *    one);
 * 3. within the same kind of match, the field: postal code, town, street, house, name, region;
 * 4. then the distance to `near` (the map's centre), nearest first;
 * 5. towns (places) by the same points, then by size (how many branches they have).
 *
 * The points of a kind exceed the widest difference the fields make, so no better field lifts a
 * word over a better kind of match: a typo never outranks a prefix, a prefix never a whole word.
 */
export const enum Field {
  PostalCode,
  City,
  Street,
  House,
  Name,
  Region,
}

export const enum Kind {
  Exact,
  Prefix,
  /** A whole word once the query is read on the other layout. */
  Layout,
  Typo,
}

const FIELD_POINTS: Readonly<Record<Field, number>> = {
  [Field.PostalCode]: 100,
  [Field.City]: 40,
  [Field.Street]: 30,
  [Field.House]: 15,
  [Field.Name]: 12,
  [Field.Region]: 8,
};

const KIND_POINTS: Readonly<Record<Kind, number>> = {
  [Kind.Exact]: 4000,
  [Kind.Prefix]: 3000,
  [Kind.Layout]: 2000,
  [Kind.Typo]: 1000,
};

/** A typo word loses this much per edit beyond the first (still above nothing). */
const PER_EXTRA_EDIT = 400;
/** And this much when it is near only the start of a word (a last word still being typed). */
const START_ONLY = 200;

/** An exact postal code (a query of six digits that is one): above any sum of words. */
export const EXACT_POSTAL_BONUS = 100_000;

/** What one word earns for matching `field` this way (a typo: by `edits`, of the whole word or not). */
export function wordPoints(kind: Kind, field: Field, edits = 0, whole = true): number {
  const typo = (edits > 1 ? PER_EXTRA_EDIT * (edits - 1) : 0) + (whole ? 0 : START_ONLY);
  return KIND_POINTS[kind] + FIELD_POINTS[field] - typo;
}

/** The kind a match read on the other layout counts as: whole words only, below prefixes. */
export const onOtherLayout = (kind: Kind): Kind => (kind === Kind.Exact ? Kind.Layout : Kind.Typo);
