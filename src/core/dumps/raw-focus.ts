import { rawNeedles } from './raw-prefilter.js'
import type { FocusMatcher } from './focus.js'
import { RawLineTest } from './raw-accept.js'

/**
 * FocusMatcher's test on undecoded fields, for `acceptRaw`: refuses a line whenever the matcher
 * could say yes for the decoded field (and sometimes when it would not). A name field matches when
 * its bytes are a focus name's (decoding maps ASCII bytes to themselves and no other byte to ASCII,
 * so for an ASCII name that is the matcher's own test); a file field may match when it ends with a
 * focus file's base name, which normalizing keeps (the prefilter's rule, see raw-prefilter.ts). A
 * focus with a name or base name that is not printable ASCII turns the test off (`active` false).
 */
export class RawFocus extends RawLineTest {
  readonly active: boolean

  constructor(focus: FocusMatcher) {
    const needles = rawNeedles(focus)
    super(needles.ascii ? needles.names : [], needles.ascii ? needles.bases : [])
    this.active = needles.ascii
  }
}
