import { normalizePath } from '../paths.js'

/**
 * What one analysis will ask a dump set. Known before loading (the diff is mapped first), it lets
 * the set keep the text of only the dumps that can answer: at distribution scale the kept text was
 * the whole heap (768 MB for 27,000 dumps) while a fix's query reads a few percent of it.
 */
export interface DumpFocus {
  /** Symbol names `tusMentioning` will be asked for (without GCC's `*`). */
  names: Iterable<string>
  /** `.c` files whose TUs will be asked for: their own dump, or the dumps that declare their functions. */
  files: Iterable<string>
}

/** Names this long or longer skip the bitmap (none in a kernel build; still matched, by the set). */
const MAX_NAME = 256
const SLASH = 47
const DOT = 46

/**
 * Tells, per dump-line field, whether it names a focus symbol or file. Runs on every line of every
 * dump, so the common miss costs a typed-array read: names are keyed by length and first character,
 * files by the two characters before their extension.
 */
export class FocusMatcher {
  readonly names: ReadonlySet<string>
  readonly files: ReadonlySet<string>
  private readonly longNames: boolean
  private readonly nameBits = new Uint8Array(MAX_NAME * 128)
  private readonly fileBits = new Uint8Array(128 * 128)

  constructor(focus: DumpFocus) {
    this.names = new Set(focus.names)
    this.files = new Set([...focus.files].map(normalizePath))
    this.longNames = [...this.names].some(n => n.length >= MAX_NAME)
    for (const n of this.names) {
      if (n.length > 0 && n.length < MAX_NAME)
        this.nameBits[n.length * 128 + (n.charCodeAt(0) & 127)] = 1
    }
    for (const f of this.files) this.fileBits[tailKey(f, 0, f.length)] = 1
  }

  /** `text[s, e)` is a name field without its `*`. */
  name(text: string, s: number, e: number): boolean {
    const len = e - s
    if (len >= MAX_NAME) return this.longNames && this.names.has(text.slice(s, e))
    if (this.nameBits[len * 128 + (text.charCodeAt(s) & 127)] === 0) return false
    return this.names.has(text.slice(s, e))
  }

  /** `text[s, e)` is a file field as GCC spelled it (`./`, `../`, absolute in out-of-tree builds). */
  file(text: string, s: number, e: number): boolean {
    if (e - s < 3 || this.fileBits[tailKey(text, s, e)] === 0) return false
    for (const f of this.files) {
      const at = e - f.length
      if (at >= s && text.startsWith(f, at) && (at === s || text.charCodeAt(at - 1) === SLASH))
        return true
    }
    // `drivers/x/../y.c` (a relative #include) needs normalizing; plain spellings do not.
    return hasDotSegment(text, s, e) && this.path(text.slice(s, e))
  }

  /**
   * A dump's or a field's path names a focus file, whatever leading folders it carries (and, for
   * the compile-stage dumps of a one-shot LTO build, `prog-a.c`, whatever output name).
   */
  path(spelled: string): boolean {
    const n = normalizePath(spelled)
    if (this.files.has(n)) return true
    const slash = n.lastIndexOf('/')
    const dir = n.slice(0, slash + 1)
    const base = n.slice(slash + 1)
    for (const f of this.files) {
      if (n.length > f.length && n.endsWith(f) && n.charCodeAt(n.length - f.length - 1) === SLASH)
        return true
      // `sub/prog-a.c` is the compile-stage dump of `sub/a.c` in `gcc -flto sub/a.c -o sub/prog`.
      const fSlash = f.lastIndexOf('/')
      const fDir = f.slice(0, fSlash + 1)
      if (base.endsWith('-' + f.slice(fSlash + 1)) && (dir === fDir || dir.endsWith('/' + fDir)))
        return true
    }
    return false
  }
}

function hasDotSegment(text: string, s: number, e: number): boolean {
  for (let i = s + 1; i < e; i++) {
    if (text.charCodeAt(i) === DOT && text.charCodeAt(i - 1) === SLASH) return true
  }
  return false
}

/**
 * `net/ipv4/route.c` -> key of `t` and `e` (the stem's last two characters; 0 past the start of
 * the stem, so `./a.c`, `/abs/a.c` and `a.c` share the key of `a.c`).
 */
function tailKey(text: string, s: number, e: number): number {
  const dot = e - 2
  const b = stemChar(text, s, dot - 1)
  const a = b === 0 ? 0 : stemChar(text, s, dot - 2)
  return a * 128 + b
}

function stemChar(text: string, s: number, i: number): number {
  if (i < s) return 0
  const c = text.charCodeAt(i)
  return c === SLASH ? 0 : c & 127
}
