/** --memory-limit's sizes, for its check and for the DuckDB engine's parts (a module of its own: the engine loads only when used). */
const UNITS: Record<string, number> = { kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40 };

/** Bytes in a size as --memory-limit takes it ("512MB", "1.5 GiB": DuckDB's units, KB 1000 bytes and KiB 1024); undefined for anything else. */
export function sizeInBytes(size: string): number | undefined {
  const [, amount, unit] = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(size.trim()) ?? [];
  const bytes = unit === undefined ? undefined : UNITS[unit.toLowerCase()];
  return bytes === undefined ? undefined : Number(amount) * bytes;
}
