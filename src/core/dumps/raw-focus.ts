import { rawNeedles } from './raw-prefilter.js'
import type { FocusMatcher } from './focus.js'
import type { DumpBytes } from './raw-accept.js'

/**
 * FocusMatcher's test on undecoded fields, for `acceptRaw`: true whenever the matcher could say
 * yes for the decoded field (and sometimes when it would not). A name field matches when its bytes
 * are a focus name's (decoding maps ASCII bytes to themselves and no other byte to ASCII, so for an
 * ASCII name that is the matcher's own test); a file field may match when it ends with a focus
 * file's base name, which normalizing keeps (the prefilter's rule, see raw-prefilter.ts). A focus
 * with a name or base name that is not printable ASCII turns the test off (`active` false).
 */
export class RawFocus {
  /** Focus names as bytes, by length. */
  private readonly byLength: Array<Uint8Array[] | undefined> = []
  private readonly bases: Uint8Array[] = []
  readonly active: boolean

  constructor(focus: FocusMatcher) {
    const needles = rawNeedles(focus)
    for (const n of needles.names) (this.byLength[n.length] ??= []).push(bytesOf(n))
    for (const base of needles.bases) this.bases.push(bytesOf(base))
    this.active = needles.ascii
  }

  /** `b[s, e)` is a name field past its `*`. */
  name(b: DumpBytes, s: number, e: number): boolean {
    const names = this.byLength[e - s]
    if (names === undefined) return false
    for (const n of names) if (same(b, s, n)) return true
    return false
  }

  /** `b[s, e)` is a file field. */
  file(b: DumpBytes, s: number, e: number): boolean {
    if (this.bases.length === 0) return false
    // `route.c/`, `route.c/.`, `route.c/x/..`: normalizing drops what follows the base name.
    const last = b[e - 1]
    if (last === SLASH || last === BACKSLASH) return true
    if (last === DOT && (b[e - 2] === SLASH || b[e - 2] === BACKSLASH || b[e - 2] === DOT))
      return true
    for (const base of this.bases) {
      const at = e - base.length
      if (at >= s && b[e - 1] === base[base.length - 1] && same(b, at, base)) return true
    }
    return false
  }
}

const SLASH = 47
const BACKSLASH = 92
const DOT = 46

function same(b: DumpBytes, at: number, n: Uint8Array): boolean {
  for (let i = 0; i < n.length; i++) if (b[at + i] !== n[i]) return false
  return true
}

function bytesOf(s: string): Uint8Array {
  return Uint8Array.from(s, c => c.charCodeAt(0))
}
