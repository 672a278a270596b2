import { spellsIn } from '../../../src/core/impact/uses.js'
import { mulberry32 } from '../../helpers/rng.js'

/** What spellsIn must answer: whether the text's identifiers, as the tokenizer cuts them, hold it. */
function tokens(text: string): Set<string> {
  return new Set(text.match(/[A-Za-z_]\w*/g))
}

describe('spellsIn', () => {
  it('answers as the identifier tokens do, digits before a name included', () => {
    expect(spellsIn('x = FIELD_GET(m, v);', 'FIELD_GET')).toBe(true)
    expect(spellsIn('x = FIELD_GETX(m);', 'FIELD_GET')).toBe(false)
    expect(spellsIn('x = aFIELD_GET(m);', 'FIELD_GET')).toBe(false)
    // `0x1ab` is one token (x1ab), `12ab` holds `ab`: a leading digit cannot start a token.
    expect(spellsIn('0x1ab', 'ab')).toBe(false)
    expect(spellsIn('12ab', 'ab')).toBe(true)
    expect(spellsIn('a1 ab', 'ab')).toBe(true)
    expect(spellsIn('anything', '1ab')).toBe(false)
    expect(spellsIn('', 'a')).toBe(false)
  })

  it('agrees with the tokens on random texts', () => {
    const next = mulberry32(7)
    const alphabet = 'ab_1 20;\n(x'
    const names = ['a', 'b', 'ab', 'a_b', '_a', 'ba1', 'x', 'a1', 'b2x']
    let hits = 0
    for (let n = 0; n < 4000; n++) {
      let text = ''
      const len = Math.floor(next() * 24)
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(next() * alphabet.length)]
      const ids = tokens(text)
      for (const name of names) {
        expect([text, name, spellsIn(text, name)]).toEqual([text, name, ids.has(name)])
        if (ids.has(name)) hits++
      }
    }
    // Both answers occur.
    expect(hits).toBeGreaterThan(1000)
  })
})
