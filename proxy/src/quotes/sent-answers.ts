/**
 * Quotes as sent, by the request's URL, for as long as the answers they were made from stay fresh:
 * the last steps of the cached quote path (two cache lookups, the pricing rules, serialising) done
 * once per URL instead of once per request. A busy checkout asks the same few quotes again and
 * again: a popular parcel to a popular town, and each buyer's page asks again on every card opened.
 *
 * Only what the fresh path answered is kept (Russian Post's answers fresh in memory, the server's
 * own pricing, no saved configuration), so an entry is what the handler would make again: the URL
 * fixes the query, and the entry ends when the older answer stops being fresh or the tariff date
 * changes. Bounded: URLs asked once each (a scan, an attack) push out only one another.
 */
import { LRUCache } from 'lru-cache';

/** At most this many URLs are kept: about 400 bytes each. */
const MAX_ANSWERS = 10_000;

interface SentAnswer {
  /** The body as sent. */
  body: string;
  /** The tariff date it was made on. */
  date: string;
  /** The instant (ms) the older of its answers stops being fresh. */
  freshUntil: number;
}

export class SentAnswers {
  private readonly answers = new LRUCache<string, SentAnswer>({ max: MAX_ANSWERS });

  /** `now`: the clock the quote cache reads. */
  constructor(private readonly now: () => number) {}

  /** The body sent for `url` on `date`, while still fresh. */
  get(url: string, date: string): string | undefined {
    const sent = this.answers.get(url);
    if (sent === undefined) return undefined;
    if (sent.date === date && this.now() < sent.freshUntil) return sent.body;
    this.answers.delete(url);
    return undefined;
  }

  /** Keeps `body`, made for `url` on `date` from answers fresh until `freshUntil`. */
  set(url: string, date: string, freshUntil: number, body: string): void {
    this.answers.set(url, { body, date, freshUntil });
  }
}
