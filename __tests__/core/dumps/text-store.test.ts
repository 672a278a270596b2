import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { scanTuGraph } from '../../../src/core/dumps/compact-graph.js'
import { graphBytes } from '../../../src/core/dumps/graph-bytes.js'
import { DumpSet } from '../../../src/core/dumps/dump-set.js'
import { DumpScanner } from '../../../src/core/dumps/scanner.js'
import type { HeldText } from '../../../src/core/dumps/text-store.js'
import { explainSymbol } from '../../../src/core/graph/affected.js'
import { FIXTURES, dumpFiles, loadDir } from './load-fixture.js'

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

  it('answers which TUs declare a .c alike by search and, past two questions, by index', () => {
    const dumps: Record<string, string> = {
      'm.c.000i.ipa-clones': line('f', 'g', 2, 'lib/x.c') + line('f', 'h', 3, 'y.c'),
      'n.c.000i.ipa-clones': line('f', 'k', 4, 'x.c'),
      'x.c.000i.ipa-clones': line('p', 'q', 5, 'lib/x.c')
    }
    const make = (): DumpSet => {
      const set = new DumpSet('s')
      for (const [path, text] of Object.entries(dumps)) set.addDump(path, text)
      set.finish()
      return set
    }
    const files = ['lib/x.c', 'y.c', 'z.c', 'x.c', 'other/y.c']
    // Each asked first of a set of its own: the search.
    const searched = files.map(f => make().tusDeclaring(f))
    // The dumps' paths take the `lib/` their files show (the build's prefix votes).
    expect(searched).toEqual([['lib/m.c', 'lib/x.c'], ['lib/m.c'], [], ['lib/n.c'], []])
    const one = make()
    expect(files.map(f => one.tusDeclaring(f))).toEqual(searched)
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

describe('a kept dump whose graph its scan thread read (HeldText.graph)', () => {
  const dir = join(FIXTURES, 'header-inline')
  const focus = { names: ['ring_used'], files: ['include/ring.h'] }
  const scanner = new DumpScanner('s', focus)

  /**
   * The set as a scan thread feeds it: every kept dump held as its bytes, or as its graph (with
   * what re-reads its text), under a kept-text budget; `reads` are the texts decoded or re-read.
   */
  const threaded = (graphs: boolean, budget = 1 << 20): { set: DumpSet; reads: string[] } => {
    const reads: string[] = []
    const set = new DumpSet('s', focus, budget)
    for (const path of dumpFiles(dir)) {
      const text = readFileSync(join(dir, path), 'utf8')
      const scanned = scanner.scan(path, text)
      const read = (): string => {
        reads.push(path)
        return text
      }
      const graph = scanTuGraph(text)
      const held: HeldText = graphs
        ? { size: graphBytes(graph), spill: () => read, graph }
        : { size: text.length, read, spill: () => read }
      set.addScanned({ ...scanned, text: '' }, undefined, scanned.kept ? held : undefined)
    }
    set.finish()
    return { set, reads }
  }
  const answer = (set: DumpSet): unknown => ({
    affected: explainSymbol(set, 'ring_used').affected.map(
      a => `${a.tu} ${a.name} ${JSON.stringify(a.chain)}`
    ),
    declaring: set.tusDeclaring('include/ring.h')
  })

  it('answers from that graph, its text never read again, as a parse of the text does', () => {
    const parsed = threaded(false)
    const given = threaded(true)
    const want = answer(loadDir(dir, 's', '', focus))
    expect(answer(parsed.set)).toEqual(want)
    expect(answer(given.set)).toEqual(want)
    expect(want).toMatchObject({ declaring: ['lib/consumer.c', 'lib/producer.c'] })
    expect(parsed.reads.length).toBeGreaterThan(0)
    expect(given.reads).toEqual([])
  })

  it('counts the graph against the budget: past it, the text is read again and parsed', () => {
    const given = threaded(true, 1)
    expect(answer(given.set)).toEqual(answer(loadDir(dir, 's', '', focus)))
    expect(given.reads.length).toBeGreaterThan(0)
  })
})
