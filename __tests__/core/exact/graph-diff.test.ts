import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, cpSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseTuGraph } from '../../../src/core/dumps/tu-graph.js'
import { diffGraphs } from '../../../src/core/exact/graph-diff.js'
import { FIXTURES } from '../dumps/load-fixture.js'

// fixtures/gcc/exact: one fix built twice (build.sh). net/udp.c gains a second caller of
// compute_score, and GCC stops inlining it into udp4_lib_lookup2; lib/scale.c's scale_b passes
// another constant, and GCC no longer makes scale.constprop.0.
const DIR = join(FIXTURES, 'exact')
const graph = (side: string, tu: string, dir = DIR) =>
  parseTuGraph(tu, 'tu', readFileSync(join(dir, side, `${tu}.000i.ipa-clones`), 'utf8'))

describe('comparing the clone graphs of the base and the patched build (real GCC)', () => {
  it('names the caller GCC stopped inlining into, though its source did not change', () => {
    const diff = diffGraphs(graph('pre', 'net/udp.c'), graph('post', 'net/udp.c'))
    expect(diff.flips).toEqual([
      {
        name: 'udp4_lib_lookup2',
        kind: 'inline',
        reason: 'after the fix GCC no longer inlines compute_score (calls it)'
      }
    ])
    expect(diff.clones).toEqual([])
  })

  it('reports a constprop clone the patched build no longer makes', () => {
    const diff = diffGraphs(graph('pre', 'lib/scale.c'), graph('post', 'lib/scale.c'))
    expect(diff.flips).toEqual([])
    expect(diff.clones).toEqual([
      { name: 'scale.constprop.0', origin: 'scale', reason: 'constprop', change: 'dropped' }
    ])
  })

  it('finds nothing when both builds decided alike', () => {
    const pre = graph('pre', 'net/udp.c')
    expect(diffGraphs(pre, pre)).toEqual({ flips: [], clones: [] })
  })

  it('reads a newly inlined body, and a clone name change of an inlined callee as the same code', () => {
    const line = (from: string, to: string, reason = 'inlining to'): string =>
      `Callgraph clone;${from};1;a.c;1;1;${to};2;a.c;5;1;${reason}`
    const pre = parseTuGraph(
      'a.c',
      'tu',
      [line('find_bit.constprop.0', 'f'), line('g', 'h')].join('\n')
    )
    const post = parseTuGraph(
      'a.c',
      'tu',
      [line('find_bit', 'f'), line('g', 'h'), line('k', 'h')].join('\n')
    )
    expect(diffGraphs(pre, post).flips).toEqual([
      { name: 'h', kind: 'inline', reason: 'after the fix GCC now inlines k' }
    ])
  })

  it('reads the same bodies inlined in another order as the same code', () => {
    const order: Record<string, number> = { a: 1, b: 2, c: 3 }
    const line = (from: string, to: string): string =>
      `Callgraph clone;${from};${order[from]};a.c;1;1;${to};${order[to]};a.c;5;1;inlining to`
    const removed = 'Callgraph removal;b;2;a.c;5;1'
    const pre = parseTuGraph('a.c', 'tu', [line('a', 'b'), line('b', 'c'), removed].join('\n'))
    const post = parseTuGraph('a.c', 'tu', [line('b', 'c'), line('a', 'c'), removed].join('\n'))
    expect(diffGraphs(pre, post).flips).toEqual([])
  })

  it('reports a clone whose origin or reason changed as a flip of that clone', () => {
    const pre = parseTuGraph('a.c', 'tu', 'Callgraph clone;f;1;a.c;1;1;f.part.0;2;a.c;1;1;part')
    const post = parseTuGraph('a.c', 'tu', 'Callgraph clone;g;3;a.c;9;1;f.part.0;2;a.c;1;1;part')
    expect(diffGraphs(pre, post).flips).toEqual([
      {
        name: 'f.part.0',
        kind: 'clone',
        reason: 'after the fix GCC derives it from g (part), before from f (part)'
      }
    ])
  })

  const gcc = (() => {
    try {
      execFileSync('gcc', ['--version'])
      return true
    } catch {
      return false
    }
  })()
  ;(gcc ? it : it.skip)('finds the same flip in dumps compiled here and now', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klp-exact-'))
    try {
      cpSync(DIR, dir, { recursive: true })
      execFileSync('bash', ['build.sh'], { cwd: dir })
      const diff = diffGraphs(graph('pre', 'net/udp.c', dir), graph('post', 'net/udp.c', dir))
      expect(diff.flips.map(f => f.name)).toEqual(['udp4_lib_lookup2'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
