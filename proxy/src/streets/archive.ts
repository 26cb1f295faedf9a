/**
 * A street basemap from one local PMTiles v3 archive (`BASEMAP_PMTILES`), read with the `pmtiles`
 * library from the file itself: the browser asks plain `{z}/{x}/{y}.mvt` URLs and never needs range
 * requests or a protocol of its own.
 *
 * The file is opened once, at start, and checked before the proxy listens: a missing, unreadable or
 * wrong-format file stops it with one line naming the variable. The open descriptor keeps serving
 * the file as it was even if it is replaced on disk; a restart picks up the new one.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { Compression, PMTiles, TileType, type Header, type Source } from 'pmtiles';

const gunzipAsync = promisify(gunzip);

/** The deepest zoom the tile URL accepts; the `pmtiles` library counts tile ids safely to 26. */
export const GRID_MAX_ZOOM = 24;

/** The layers of the Protomaps basemap schema that `@protomaps/basemaps` draws. */
const PROTOMAPS_LAYERS = ['earth', 'water', 'roads', 'places', 'buildings', 'landuse'];

/** Thrown at start when BASEMAP_PMTILES cannot be served; says what is wrong with the file. */
export class StreetArchiveUnusable extends Error {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StreetArchiveUnusable';
  }
}

/** One tile as stored in the archive: still compressed as the archive keeps it. */
export interface StoredTile {
  data: Buffer;
  /** The encoding the data is in, for `Content-Encoding`; null when stored uncompressed. */
  encoding: 'gzip' | null;
  etag: string;
}

/** What the style and `/readyz` say about the archive. */
export interface ArchiveSummary {
  /** The file's name (not its path: `/readyz` is public). */
  name: string;
  minZoom: number;
  maxZoom: number;
  /** West, south, east, north. */
  bounds: [number, number, number, number];
  /** Plain text (any markup in the archive's metadata taken out), or null. */
  attribution: string | null;
}

/** A source for `pmtiles` over an open file: reads at an offset, never past the end. */
function fileSource(handle: FileHandle, key: string): Source {
  return {
    getKey: () => key,
    async getBytes(offset, length) {
      // Not from Node's pool: the buffer owns its memory, handed over whole when it is full.
      const buffer = Buffer.allocUnsafeSlow(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      const data = bytesRead === length ? buffer.buffer : buffer.buffer.slice(0, bytesRead);
      return { data };
    },
  };
}

/** Markup out, entities read: the widget shows attribution as text, whatever the file says. */
function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&copy;/gi, '©')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&amp;/gi, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export class StreetArchive {
  private constructor(
    private readonly handle: FileHandle,
    private readonly tiles: PMTiles,
    /** How the archive stores its tiles, as they are sent. */
    private readonly encoding: StoredTile['encoding'],
    readonly summary: ArchiveSummary,
    /** Changes with the file: tiles of a replaced archive never share an ETag with the old one. */
    private readonly fingerprint: string,
  ) {}

  /** Opens and checks the archive; throws StreetArchiveUnusable saying what is wrong. */
  static async open(file: string): Promise<StreetArchive> {
    let handle: FileHandle;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      const why =
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EACCES'
            ? 'the file cannot be read (permission denied)'
            : message;
      throw new StreetArchiveUnusable(file, why, { cause: error });
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new StreetArchiveUnusable(file, 'not a file');
      // Tiles come back as stored: the proxy passes gzip through to the browser (one copy, no
      // work per request). Directories are decompressed by the library's cache, not by this.
      const passThrough = async (data: ArrayBuffer): Promise<ArrayBuffer> => data;
      const tiles = new PMTiles(fileSource(handle, file), undefined, passThrough);
      const header = await readHeader(tiles, file, stat.size);
      const metadata = await readMetadata(handle, header, file);
      const layers = Array.isArray(metadata.vector_layers)
        ? metadata.vector_layers
            .map((l: unknown) => (l as { id?: unknown }).id)
            .filter((id: unknown): id is string => typeof id === 'string')
        : [];
      if (layers.length && !layers.some((id) => PROTOMAPS_LAYERS.includes(id))) {
        throw new StreetArchiveUnusable(
          file,
          `its layers (${layers.slice(0, 6).join(', ')}) are not the Protomaps basemap schema the street style draws (${PROTOMAPS_LAYERS.join(', ')}); use an extract of a Protomaps build`,
        );
      }
      const fingerprint = createHash('sha256')
        .update(
          `${stat.size}:${stat.mtimeMs}:${header.rootDirectoryOffset}:${header.tileDataOffset}`,
        )
        .digest('base64url')
        .slice(0, 12);
      const archive = new StreetArchive(
        handle,
        tiles,
        header.tileCompression === Compression.Gzip ? 'gzip' : null,
        {
          name: path.basename(file),
          minZoom: header.minZoom,
          maxZoom: header.maxZoom,
          bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
          attribution:
            typeof metadata.attribution === 'string' ? plainText(metadata.attribution) : null,
        },
        fingerprint,
      );
      // One real tile read: a directory that does not decompress or parse fails here, not later.
      await archive.tile(header.minZoom, ...centreTile(header)).catch((error: unknown) => {
        throw new StreetArchiveUnusable(
          file,
          `its tile directory cannot be read (${(error as Error).message}): the file is damaged or cut short`,
          { cause: error },
        );
      });
      return archive;
    } catch (error) {
      await handle.close();
      if (error instanceof StreetArchiveUnusable) throw error;
      throw new StreetArchiveUnusable(file, (error as Error).message, { cause: error });
    }
  }

  /** The tile as stored, or null when the archive holds none there (sea, outside its bounds). */
  async tile(z: number, x: number, y: number): Promise<StoredTile | null> {
    const found = await this.tiles.getZxy(z, x, y);
    if (!found || found.data.byteLength === 0) return null;
    return {
      data: Buffer.from(found.data),
      encoding: this.encoding,
      etag: `"${this.fingerprint}-${z}-${x}-${y}"`,
    };
  }

  /** The tile decompressed, for the rare client that does not accept gzip. */
  static async decoded(tile: StoredTile): Promise<Buffer> {
    return tile.encoding === 'gzip' ? gunzipAsync(tile.data) : tile.data;
  }

  /** What `/readyz` says: the file's name, its zooms and its box. */
  status(): { file: string; zooms: [number, number]; bounds: ArchiveSummary['bounds'] } {
    const { name, minZoom, maxZoom, bounds } = this.summary;
    return { file: name, zooms: [minZoom, maxZoom], bounds };
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

/** The x and y of the tile at zoom `z` holding a point (Web Mercator), kept inside the grid. */
export function tileOf(z: number, lon: number, lat: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  const clamp = (v: number): number => Math.min(n - 1, Math.max(0, v));
  return [clamp(x), clamp(y)];
}

const centreTile = (h: Header): [number, number] =>
  tileOf(h.minZoom, (h.minLon + h.maxLon) / 2, (h.minLat + h.maxLat) / 2);

async function readHeader(tiles: PMTiles, file: string, size: number): Promise<Header> {
  if (size < 127) {
    throw new StreetArchiveUnusable(
      file,
      `${size} bytes is too short for a PMTiles archive (its header alone is 127)`,
    );
  }
  let header: Header;
  try {
    header = await tiles.getHeader();
  } catch (error) {
    const message = (error as Error).message;
    throw new StreetArchiveUnusable(
      file,
      /magic number/i.test(message)
        ? 'not a PMTiles archive (it does not start with "PMTiles")'
        : /spec version/i.test(message)
          ? `${message}; convert it with \`pmtiles convert\``
          : `its header or root directory cannot be read (${message}): the file is damaged or cut short`,
      { cause: error },
    );
  }
  if (header.specVersion !== 3) {
    throw new StreetArchiveUnusable(
      file,
      `PMTiles version ${header.specVersion} is not read here, only version 3; convert it with \`pmtiles convert\``,
    );
  }
  if (header.tileType !== TileType.Mvt) {
    throw new StreetArchiveUnusable(
      file,
      `it holds ${TileType[header.tileType] ?? 'unknown'} tiles; the street basemap needs vector (MVT) tiles`,
    );
  }
  if (header.tileCompression !== Compression.Gzip && header.tileCompression !== Compression.None) {
    throw new StreetArchiveUnusable(
      file,
      `its tiles are ${Compression[header.tileCompression] ?? 'unknown'}-compressed; gzip or none is served (Protomaps builds use gzip)`,
    );
  }
  const end = Math.max(
    header.rootDirectoryOffset + header.rootDirectoryLength,
    header.jsonMetadataOffset + header.jsonMetadataLength,
    header.tileDataOffset + (header.tileDataLength ?? 0),
  );
  if (end > size) {
    throw new StreetArchiveUnusable(
      file,
      `it is cut short: its header points to byte ${end}, the file has ${size}`,
    );
  }
  const { minLon, minLat, maxLon, maxLat, minZoom, maxZoom } = header;
  const lonOk = (v: number): boolean => v >= -180 && v <= 180;
  const latOk = (v: number): boolean => v >= -90 && v <= 90;
  if (!(
    lonOk(minLon) &&
    lonOk(maxLon) &&
    latOk(minLat) &&
    latOk(maxLat) &&
    minLon < maxLon &&
    minLat < maxLat
  )) {
    throw new StreetArchiveUnusable(
      file,
      `its bounds (${minLon}, ${minLat}, ${maxLon}, ${maxLat}) are not a west, south, east, north box`,
    );
  }
  if (minZoom > maxZoom || maxZoom > GRID_MAX_ZOOM) {
    throw new StreetArchiveUnusable(
      file,
      `its zooms ${minZoom}–${maxZoom} are not within 0–${GRID_MAX_ZOOM}`,
    );
  }
  return header;
}

async function readMetadata(
  handle: FileHandle,
  header: Header,
  file: string,
): Promise<Record<string, unknown>> {
  if (header.jsonMetadataLength === 0) return {};
  const raw = Buffer.alloc(header.jsonMetadataLength);
  await handle.read(raw, 0, raw.length, header.jsonMetadataOffset);
  try {
    const text = header.internalCompression === Compression.Gzip ? await gunzipAsync(raw) : raw;
    const parsed: unknown = JSON.parse(text.toString('utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch (error) {
    throw new StreetArchiveUnusable(
      file,
      `its metadata is not readable JSON (${(error as Error).message})`,
      { cause: error },
    );
  }
}
