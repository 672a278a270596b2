/**
 * A Bloom filter of the symbol names and file base names one dump's well-formed lines hold, kept in
 * its index entry: with it, a later query rules a dump out without reading it (kgraft greps every
 * file; an entry that answers "not here" saves the read itself). A filter can say "maybe" for a
 * name the dump lacks (the dump is then read and searched as before), never "no" for one it holds.
 *
 * Stored as text, six bits per character (JSON keeps it as it is), and tested without decoding.
 */

/** Bits per distinct key: with K hashes, about one false "maybe" in a hundred. */
const BITS_PER_KEY = 10
const K = 4
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const VALUE = new Int8Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i
/**
 * Two or more of ALPHABET's characters: V8 runs a regular expression as machine code, where a
 * loop over `cell` ran cold in the interpreter (16 ms for the 3.8 million characters of a 27,000-
 * dump index, ~3 ms for a kernel's; each entry is checked when the index file is read).
 */
const SUMMARY = new RegExp(`^[${ALPHABET.replace(/[-\\\]^]/g, '\\$&')}]{2,}$`)

/** FNV-1a over the UTF-16 code units of `text[s, e)`: the same key, sliced or not. */
function keyHash(text: string, s: number, e: number): number {
  let h = 0x811c9dc5
  for (let i = s; i < e; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** murmur3's finaliser: FNV-1a's low bits alone follow a name's last characters too closely. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** The filter's first bit for a key hash, and the step to the next (double hashing). */
function first(h: number, bits: number): number {
  return mix(h) % bits
}

function step(h: number, bits: number): number {
  return (mix(h ^ 0x9e3779b9) % (bits - 1)) + 1
}

/**
 * Collects one dump's keys (deduplicated, so the filter is sized by what is distinct), then makes
 * the filter. Reused from dump to dump: its table grows to the largest dump and stays.
 */
export class SummaryBuilder {
  private table = new Uint32Array(1024)
  private used: number[] = []

  add(text: string, s: number, e: number): void {
    this.place(summaryKey(text, s, e))
    if (this.used.length * 2 > this.table.length) this.grow()
  }

  /** The filter of the keys added since the last `finish`, which starts the next dump. */
  finish(): string {
    const keys = this.used.map(i => this.table[i])
    for (const i of this.used) this.table[i] = 0
    this.used = []
    const chars = Math.max(4, Math.ceil((keys.length * BITS_PER_KEY) / 6))
    const bits = chars * 6
    const cells = new Uint8Array(chars)
    for (const h of keys) {
      const d = step(h, bits)
      for (let k = 0, at = first(h, bits); k < K; k++, at = (at + d) % bits)
        cells[(at / 6) | 0] |= 1 << (at % 6)
    }
    let out = ''
    for (const c of cells) out += ALPHABET[c]
    return out
  }

  /** Into the table unless there already (open addressing; 0 is an empty slot). */
  private place(h: number): void {
    const mask = this.table.length - 1
    let i = h & mask
    for (; this.table[i] !== 0; i = (i + 1) & mask) if (this.table[i] === h) return
    this.table[i] = h
    this.used.push(i)
  }

  private grow(): void {
    const old = this.used.map(i => this.table[i])
    this.table = new Uint32Array(this.table.length * 2)
    this.used = []
    for (const h of old) this.place(h)
  }
}

/**
 * A key as the filter holds it: `keyHash`, never 0 (the table's empty slot: the one key hashing to
 * 0 shares its value with the one hashing to 1). Made once per focus key, tested on every entry.
 */
export function summaryKey(text: string, s = 0, e = text.length): number {
  return keyHash(text, s, e) || 1
}

/** False only when the key of `h` (`summaryKey`) was not among the keys `summary` was made of. */
export function summaryMayHold(summary: string, h: number): boolean {
  const bits = summary.length * 6
  const d = step(h, bits)
  for (let k = 0, at = first(h, bits); k < K; k++, at = (at + d) % bits) {
    if (((cell(summary, (at / 6) | 0) >> (at % 6)) & 1) === 0) return false
  }
  return true
}

/** Whether `s` is a summary `summaryMayHold` can read (the index file is not trusted). */
export function isSummary(s: string): boolean {
  return SUMMARY.test(s)
}

function cell(s: string, i: number): number {
  const c = s.charCodeAt(i)
  return c < 128 ? VALUE[c] : -1
}
