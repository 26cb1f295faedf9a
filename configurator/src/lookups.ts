/**
 * What the configurator asks its proxy's search (`/api/v1/branches/search`): the town of a postal
 * code, and the place a town or postal code names, for the map's start.
 */
interface SearchAnswer {
  places: { name: string; region: string; lon: number; lat: number }[];
  results: {
    name: string;
    postalCode: string;
    address: { city: string; region: string };
    location: { lon: number; lat: number };
  }[];
}

async function search(query: string): Promise<SearchAnswer> {
  const url = new URL('/api/v1/branches/search', location.href);
  url.searchParams.set('q', query);
  url.searchParams.set('limit', '1');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`search answered ${response.status}`);
  return (await response.json()) as SearchAnswer;
}

/** `Саратов, Саратовская область` for a branch's postal code; null when no branch has it. */
export async function townOf(code: string): Promise<string | null> {
  const hit = (await search(code)).results.find((r) => r.postalCode === code);
  return hit ? `${hit.address.city}, ${hit.address.region}` : null;
}

/** The place a query names (a town first, else a branch); null when nothing matches or offline. */
export async function placeOf(
  query: string,
): Promise<{ lon: number; lat: number; label: string } | null> {
  let answer: SearchAnswer;
  try {
    answer = await search(query);
  } catch {
    return null;
  }
  const place = answer.places[0];
  const branch = answer.results[0];
  if (place) return { lon: place.lon, lat: place.lat, label: `${place.name}, ${place.region}` };
  return branch ? { ...branch.location, label: branch.name } : null;
}
