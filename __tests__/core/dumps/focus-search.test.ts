import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FocusMatcher } from '../../../src/core/dumps/focus.js'
import { searchFocus, textMentions } from '../../../src/core/dumps/focus-search.js'
import { focusNames } from '../../../src/core/dumps/scanner.js'
import { mulberry32 } from '../../helpers/rng.js'
import { FIXTURES, dumpFiles } from './load-fixture.js'

/** Every dump GCC 12 wrote for the fixtures. */
const real = dumpFiles(FIXTURES)
  .map(f => readFileSync(join(FIXTURES, f), 'utf8'))
  .filter(t => t.length > 0)

const fields = real.flatMap(t => t.split('\n')).map(l => l.split(';'))
const allNames = [...new Set(fields.flatMap(f => [f[1], f[6]]).filter(Boolean))]
const allFiles = [...new Set(fields.flatMap(f => [f[3], f[8]]).filter(Boolean))]

/** Edits that change what a line parses as or which field holds a name. */
const PIECES = [';', '0', '*', '\r', '\n', '/', '..', '/.', 'x', ';;']

function mutate(text: string, rnd: () => number): string {
  let out = text
  for (let e = Math.floor(rnd() * 4); e > 0; e--) {
    const at = Math.floor(rnd() * (out.length + 1))
    const piece = PIECES[Math.floor(rnd() * PIECES.length)]
    out =
      rnd() < 0.5 ? out.slice(0, at) + piece + out.slice(at) : out.slice(0, at) + out.slice(at + 1)
  }
  return out
}

function pick<T>(rnd: () => number, from: T[], n: number): T[] {
  return Array.from({ length: n }, () => from[Math.floor(rnd() * from.length)])
}

describe('searchFocus', () => {
  it('finds what the line-by-line pass finds, in its order, on real and damaged dumps', () => {
    expect(allNames.length).toBeGreaterThan(20)
    expect(allFiles.length).toBeGreaterThan(5)
    const rnd = mulberry32(5)
    let withNames = 0
    let mentioned = 0
    for (let i = 0; i < 3000; i++) {
      const base = real[i % real.length]
      const own = base.split('\n').flatMap(l => l.split(';').filter((_, f) => f === 1 || f === 6))
      const names = [...pick(rnd, own, Math.floor(rnd() * 4)), ...pick(rnd, allNames, 1)].map(n =>
        n.replace(/^\*/, '')
      )
      // File spellings as the dumps have them, and as a diff would name them.
      const files = pick(rnd, allFiles, rnd() < 0.3 ? 1 : 0).map(f =>
        rnd() < 0.5 ? f : f.replace(/^\.\//, '')
      )
      const focus = new FocusMatcher({ names, files })
      const text = i % 3 === 0 ? base : mutate(base, rnd)
      const found = searchFocus(focus, text)
      const expected = { names: focusNames(focus, text), mentions: textMentions(text, focus) }
      expect(found).toEqual(expected)
      if (expected.names.length > 1) withNames++
      if (expected.mentions) mentioned++
    }
    // Not vacuous: many dumps hold several focus names, many mention the focus.
    expect(withNames).toBeGreaterThan(100)
    expect(mentioned).toBeGreaterThan(600)
  })

  it('reads a name that is a substring of many others once per line, or leaves it to the pass', () => {
    const line = (n: number): string =>
      `Callgraph clone;hash_${n};${n};a.c;1;1;f${n};${n + 10000};a.c;2;1;inlining to`
    const lines = Array.from({ length: 400 }, (_, i) => line(i))
    lines.splice(300, 0, 'Callgraph clone;hash;1;b.c;1;1;g;20000;b.c;2;1;inlining to')
    const focus = new FocusMatcher({ names: ['hash', 'g'], files: ['b.c'] })
    expect(searchFocus(focus, lines.join('\n'))).toEqual({ names: ['hash', 'g'], mentions: true })
    const none = new FocusMatcher({ names: ['hash'], files: [] })
    expect(searchFocus(none, lines.slice(0, 300).join('\n'))).toEqual({
      names: [],
      mentions: false
    })
  })

  it('finds a focus file through a spelling that only normalizes to it', () => {
    const text = 'Callgraph clone;f;1;x/../lib/b.c;1;1;g;2;a.c;2;1;inlining to\n'
    expect(searchFocus(new FocusMatcher({ names: [], files: ['lib/b.c'] }), text)).toEqual({
      names: [],
      mentions: true
    })
    expect(searchFocus(new FocusMatcher({ names: [], files: ['lib/c.c'] }), text)).toEqual({
      names: [],
      mentions: false
    })
  })
})
