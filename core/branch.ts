/**
 * The branch model (contract): what the proxy stores and serves, what the widget shows and what a
 * shop receives in `branch-select`. Plain data, no behaviour, shared by proxy and widget.
 */

/** The kinds of branch a buyer can pick. */
export const BRANCH_TYPES = ['post_office', 'parcel_locker', 'pickup_point'] as const;
export type BranchType = (typeof BRANCH_TYPES)[number];

/**
 * A branch id (contract): 1 to 64 letters, digits, `.`, `_`, `:` or `-` (postal indexes, carrier
 * codes). The source text, for JSON schemas and for building other patterns from it.
 */
export const BRANCH_ID_SOURCE = '[A-Za-z0-9._:-]{1,64}';
/** A whole string that is a branch id. */
export const BRANCH_ID_PATTERN = new RegExp(`^${BRANCH_ID_SOURCE}$`);
/** The rule as the docs and error messages put it. */
export const BRANCH_ID_RULE = '1 to 64 letters, digits, ".", "_", ":" or "-"';

/** Where a record came from. */
export const BRANCH_SOURCES = ['demo', 'pochta-passport', 'otpravka', 'csv', 'geojson'] as const;
export type BranchSource = (typeof BRANCH_SOURCES)[number];

/** Weekday keys in ISO order: Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A span of local wall-clock time, `HH:MM` 24-hour; `close` may be `24:00`. */
export interface TimeSpan {
  from: string;
  to: string;
}

/** Opening hours of one day in the branch's own time zone. */
export interface DayHours {
  /** Opening time, `HH:MM`. */
  open: string;
  /** Closing time, `HH:MM`; `24:00` for a branch open to midnight. */
  close: string;
  /** Breaks inside the day (lunch, technical), in order; empty when none. */
  breaks: TimeSpan[];
}

/** An exception to the weekly schedule on one date (a holiday, a shortened day). */
export interface HoursException {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  /** The hours that day, or `null` when closed all day. */
  hours: DayHours | null;
}

/** The weekly schedule plus dated exceptions. A `null` day is a day off. */
export interface BranchHours {
  weekly: Record<Weekday, DayHours | null>;
  exceptions: HoursException[];
}

export interface BranchAddress {
  /** The whole address as one line, ready to print. */
  full: string;
  region: string;
  city: string;
  street: string;
  house: string;
}

export interface BranchPayments {
  /** Bank cards accepted. */
  card: boolean;
  /** Cash accepted. */
  cash: boolean;
  /** Cash on delivery (наложенный платёж) can be collected here. */
  cod: boolean;
}

/** A locker cell or a counter's size limit, in centimetres. */
export interface CellSize {
  /** Cell name as the carrier prints it (`S`, `M`, `L`), or `max` for a plain dimension limit. */
  name: string;
  length: number;
  width: number;
  height: number;
}

export interface BranchLimits {
  /** Heaviest parcel accepted, in grams. */
  maxWeight: number;
  /** Largest parcel accepted: for lockers one entry per cell size, for counters one `max` entry. */
  cells: CellSize[];
}

/** Services a branch offers besides handing over a parcel. */
export const BRANCH_SERVICES = ['fitting', 'partial-pickup', 'returns', 'contents-check'] as const;
export type BranchService = (typeof BRANCH_SERVICES)[number];

export interface Branch {
  /** Stable identifier; for Russian Post objects the object's postal index. */
  id: string;
  type: BranchType;
  name: string;
  /** Six-digit Russian postal code the parcel is addressed to. */
  postalCode: string;
  address: BranchAddress;
  location: { lat: number; lon: number };
  /** IANA time zone of the branch, e.g. `Asia/Vladivostok`. */
  timezone: string;
  hours: BranchHours;
  payments: BranchPayments;
  limits: BranchLimits;
  services: BranchService[];
  temporarilyClosed: boolean;
  source: BranchSource;
}
