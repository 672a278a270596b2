import { DumpSet } from '../../../src/core/dumps/dump-set.js'
import { explainSymbol } from '../../../src/core/graph/affected.js'

const line = (from: string, to: string, order: number, file = 'a.c'): string =>
  `Callgraph clone;${from};1;h.h;1;1;${to};${order};${file};${order};1;inlining to\n`

describe('dumps kept past the text budget', () => {
  it('are re-read for every question, with the same answers as kept text', () => {
    const dumps: Record<string, string> = {
      'a.c.000i.ipa-clones': line('f', 'g', 2),
      'b.c.000i.ipa-clones': line('f', 'h', 3, 'b.c'),
      'c.c.000i.ipa-clones': line('x', 'y', 4)
    }
    const reads: string[] = []
    const answer = (budget: number): unknown => {
      const set = new DumpSet('s', { names: ['f'], files: ['b.c'] }, budget)
      for (const [path, text] of Object.entries(dumps))
        set.addDump(path, text, t => () => {
          reads.push(path)
          return t
        })
      set.finish()
      return {
        tus: set.tusMentioning('f'),
        declaring: set.tusDeclaring('b.c'),
        affected: explainSymbol(set, 'f').affected.map(a => `${a.tu} ${a.name}`)
      }
    }
    const kept = answer(1 << 20)
    expect(reads).toEqual([])
    // The first kept dump fits the budget; the second does not and is read again when asked.
    const reread = answer(line('f', 'g', 2).length)
    expect(reread).toEqual(kept)
    expect(new Set(reads)).toEqual(new Set(['b.c.000i.ipa-clones']))
    expect(kept).toEqual({
      tus: ['a.c', 'b.c'],
      declaring: ['b.c'],
      affected: ['a.c f', 'b.c f', 'a.c g', 'b.c h']
    })
  })

  it('fails when the store cannot give the text back', () => {
    const set = new DumpSet('s', { names: ['f'], files: [] }, 0)
    set.addDump('a.c.000i.ipa-clones', line('f', 'g', 2), () => () => {
      throw new Error('a.c changed on disk')
    })
    set.finish()
    expect(() => explainSymbol(set, 'f')).toThrow(/changed on disk/)
  })
})
