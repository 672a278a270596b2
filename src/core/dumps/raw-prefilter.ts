import { fileName, normalizePath } from '../paths.js'
import type { FocusMatcher } from './focus.js'

/** The raw bytes of a dump file, searched without decoding them (the adapter's Buffer). */
export interface RawBytes {
  /** Offset of the ASCII `needle` at or after `from`, or -1. */
  find(needle: string, from: number): number
  /** The byte at `i` (-1 outside). */
  at(i: number): number
}

/** More names than this and a native search per name costs more than validating the dump. */
export const MAX_PREFILTER_NAMES = 32

const SEMI = 59
const STAR = 42

/**
 * A test on a dump's raw bytes that is true whenever the focus could match one of its lines (and
 * sometimes when it cannot): kgraft-analysis-tool's grep before parsing. Only a dump it rules out
 * skips decoding. A name field is `;name;` or `;*name;` (dump-line.ts); a file field that matches
 * ends with the focus file's base name, and normalizing (FocusMatcher.path) keeps that base name,
 * so its bytes are in the dump. Decoded text holds an ASCII needle exactly where the bytes do; a
 * needle that is not printable ASCII turns the test off (always true).
 */
export class RawPrefilter {
  private readonly names: string[]
  private readonly bases: string[]
  /** False: every dump must be decoded. */
  readonly active: boolean

  constructor(focus: FocusMatcher) {
    const needles = rawNeedles(focus)
    this.names = needles.names.map(n => `${n};`)
    this.bases = needles.bases
    this.active = needles.ascii && focus.names.size <= MAX_PREFILTER_NAMES
  }

  /** False only when no line of these bytes can name a focus symbol or file. */
  mayMention(bytes: RawBytes): boolean {
    if (!this.active) return true
    for (const needle of this.names) {
      for (let at = bytes.find(needle, 0); at >= 0; at = bytes.find(needle, at + 1)) {
        const before = bytes.at(at - 1)
        if (before === SEMI || (before === STAR && bytes.at(at - 2) === SEMI)) return true
      }
    }
    return this.bases.some(base => bytes.find(base, 0) >= 0)
  }
}

/**
 * What a test on a dump's raw bytes looks for: the focus names, and the base names of the focus
 * files (normalizing keeps a path's base name, so a field that matches ends with it). `ascii`: all
 * are printable ASCII (and the base names non-empty), so each sits in the bytes exactly where the
 * decoded text has it; otherwise no raw test can stand in for the decoded one.
 */
export function rawNeedles(focus: FocusMatcher): {
  names: string[]
  bases: string[]
  ascii: boolean
} {
  const names = [...focus.names]
  const bases = [...focus.files].map(f => fileName(normalizePath(f)))
  return { names, bases, ascii: names.every(ascii) && bases.every(b => b !== '' && ascii(b)) }
}

function ascii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 32 || c > 126) return false
  }
  return true
}
