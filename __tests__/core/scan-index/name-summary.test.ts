import { isSummary, SummaryBuilder } from '../../../src/core/scan-index/name-summary.js'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** What isSummary answered before it was a regular expression: every character a cell. */
function byCells(s: string): boolean {
  if (s.length < 2) return false
  for (const c of s) if (!ALPHABET.includes(c)) return false
  return true
}

describe('isSummary', () => {
  it('accepts what SummaryBuilder writes', () => {
    const builder = new SummaryBuilder()
    for (const keys of [[], ['skb_headlen'], ['a', 'route.c', 'x'.repeat(300)]]) {
      for (const k of keys) builder.add(k, 0, k.length)
      expect(isSummary(builder.finish())).toBe(true)
    }
    // Every character the builder can write, in one summary.
    for (let n = 0; n < 4000; n++) builder.add(`name${n}`, 0, `name${n}`.length)
    const wide = builder.finish()
    expect(new Set(wide).size).toBe(ALPHABET.length)
    expect(isSummary(wide)).toBe(true)
  })

  it('answers as a check of every character against the alphabet, on random strings', () => {
    // Near misses: the characters a class written by hand gets wrong (`-` as a range, `\`, `]`,
    // `^`), base64's `+`, `/` and `=`, a newline at the end (`$` without the m flag), non-ASCII.
    const pool = `${ALPHABET}+/=\\]^[.:;\n\r é€\u0000`
    let seed = 7
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed % n
    }
    let accepted = 0
    for (let i = 0; i < 20000; i++) {
      const len = next(6)
      let s = ''
      for (let k = 0; k < len; k++)
        s += next(4) === 0 ? pool[next(pool.length)] : ALPHABET[next(ALPHABET.length)]
      expect([s, isSummary(s)]).toEqual([s, byCells(s)])
      if (byCells(s)) accepted++
    }
    // Both answers occur often enough for the comparison to mean something.
    expect(accepted).toBeGreaterThan(2000)
    expect(accepted).toBeLessThan(18000)
  })

  it('refuses the edges one by one', () => {
    expect(isSummary('')).toBe(false)
    expect(isSummary('A')).toBe(false)
    expect(isSummary('AB')).toBe(true)
    expect(isSummary('A-')).toBe(true)
    expect(isSummary('9_')).toBe(true)
    // `9-_` read as a range would take every character from `9` to `_`.
    expect(isSummary('A:')).toBe(false)
    expect(isSummary('A@')).toBe(false)
    expect(isSummary('AB\n')).toBe(false)
    expect(isSummary('\nAB')).toBe(false)
  })
})
