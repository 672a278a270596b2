import type { AffectedFunction, ChangedFunction } from '../../../src/core/model.js'
import { computeAffected, explainSymbol } from '../../../src/core/graph/affected.js'
import { fixtureSet, setOf } from '../dumps/load-fixture.js'

function changed(
  name: string,
  file: string,
  extra: Partial<ChangedFunction> = {}
): ChangedFunction {
  return { name, symbols: [name], file, line: 1, change: 'modified', hunks: [], ...extra }
}

/** `tu name tier symbol: step > step` per entry, to compare whole results at a glance. */
function brief(list: AffectedFunction[]): string[] {
  return list.map(
    a =>
      `${a.tu} ${a.name} ${a.tier} ${a.symbol}: ` +
      a.chain
        .map(s => (s.reason ? `${s.kind}(${s.reason}) ${s.name}` : `${s.kind} ${s.name}`))
        .join(' > ')
  )
}

describe('computeAffected on real GCC 12 dumps', () => {
  it('follows an inlining chain transitively (a into b into c)', () => {
    const r = computeAffected(fixtureSet('chain'), [changed('a', 'chain.c')])
    expect(brief(r.affected)).toEqual([
      'chain.c a required removed: changed a',
      'chain.c b required removed: changed a > inlined-into b',
      'chain.c c required present: changed a > inlined-into b > inlined-into c'
    ])
    expect(r.findings).toEqual([])
    expect(r.affected.every(a => a.set === 'chain' && a.object === null && a.origin === 'a')).toBe(
      true
    )
  })

  it('reports a constprop clone, and its callers for review when the source lists them', () => {
    const set = fixtureSet('constprop')
    const bare = computeAffected(set, [changed('scale', 'constprop.c')])
    expect(brief(bare.affected)).toEqual([
      'constprop.c scale required present: changed scale',
      'constprop.c scale.constprop.0 required present: changed scale > cloned-as(constprop) scale.constprop.0'
    ])
    expect(bare.findings).toEqual([
      expect.objectContaining({
        kind: 'review-callers-unknown',
        severity: 'warning',
        file: 'constprop.c'
      })
    ])
    const calls: Array<[string, string]> = []
    const r = computeAffected(set, [changed('scale', 'constprop.c')], {
      callersOf: (tu, callee) => {
        calls.push([tu, callee])
        return { callers: ['use1', 'use2', 'scale'], unsearched: [] }
      }
    })
    expect(calls).toEqual([['constprop.c', 'scale']])
    expect(brief(r.affected)).toEqual([
      'constprop.c scale required present: changed scale',
      'constprop.c scale.constprop.0 required present: changed scale > cloned-as(constprop) scale.constprop.0',
      'constprop.c use1 review present: changed scale > cloned-as(constprop) scale.constprop.0 > caller-of use1',
      'constprop.c use2 review present: changed scale > cloned-as(constprop) scale.constprop.0 > caller-of use2'
    ])
    expect(r.findings).toEqual([])
  })

  it('reports an isra clone', () => {
    const r = computeAffected(fixtureSet('isra'), [changed('get_len', 'isra.c')], {
      callersOf: () => ({ callers: [], unsearched: [] })
    })
    expect(brief(r.affected)).toEqual([
      'isra.c get_len required present: changed get_len',
      'isra.c get_len.isra.0 required present: changed get_len > cloned-as(isra) get_len.isra.0'
    ])
  })

  it('reports both halves of a split function and the callers the head was inlined into', () => {
    const r = computeAffected(fixtureSet('part'), [changed('check', 'part.c')])
    expect(brief(r.affected)).toEqual([
      'part.c check required removed: changed check',
      'part.c check.part.0 required present: changed check > cloned-as(part) check.part.0',
      'part.c user1 required present: changed check > inlined-into user1',
      'part.c user2 required present: changed check > inlined-into user2',
      'part.c user3 required present: changed check > inlined-into user3'
    ])
  })

  it('follows a cold helper into its hot caller (the .cold part is not in the dump)', () => {
    const r = computeAffected(fixtureSet('cold'), [changed('complain', 'cold.c')])
    expect(brief(r.affected)).toEqual([
      'cold.c complain required removed: changed complain',
      'cold.c hot required present: changed complain > inlined-into hot'
    ])
  })

  it('handles recursive inlining through a same-name master clone', () => {
    const r = computeAffected(fixtureSet('recursion'), [changed('sum', 'recursion.c')])
    expect(brief(r.affected)).toEqual([
      'recursion.c sum required present: changed sum',
      'recursion.c tree_sum required present: changed sum > inlined-into tree_sum'
    ])
  })

  it('keeps a function inlined in some callers and out of line for others', () => {
    const r = computeAffected(fixtureSet('mixed'), [changed('helper', 'mixed.c')])
    expect(brief(r.affected)).toEqual([
      'mixed.c big required present: changed helper > inlined-into big',
      'mixed.c helper required present: changed helper',
      'mixed.c small required present: changed helper > inlined-into small'
    ])
  })

  it('does not confuse a static function with its namesake in another TU', () => {
    const set = fixtureSet('same-static')
    expect(set.tusMentioning('tidy')).toEqual(['one.c', 'two.c'])
    const r = computeAffected(set, [changed('tidy', 'one.c')])
    expect(brief(r.affected)).toEqual([
      'one.c one required present: changed tidy > inlined-into one',
      'one.c tidy required removed: changed tidy'
    ])
  })

  it('finds a header inline in every TU that inlined it, and warns about out-of-line copies', () => {
    const r = computeAffected(fixtureSet('header-inline'), [changed('ring_used', 'include/ring.h')])
    expect(brief(r.affected)).toEqual([
      'lib/consumer.c ring_count required present: changed ring_used > inlined-into ring_count',
      'lib/consumer.c ring_empty required removed: changed ring_used > inlined-into ring_empty',
      'lib/producer.c ring_full required present: changed ring_used > inlined-into ring_full',
      'lib/consumer.c ring_pop required present: changed ring_used > inlined-into ring_empty > inlined-into ring_pop',
      'lib/consumer.c ring_used required removed: changed ring_used',
      'lib/producer.c ring_used required removed: changed ring_used'
    ])
    expect(r.findings).toEqual([
      expect.objectContaining({
        kind: 'header-out-of-line',
        severity: 'unresolved',
        file: 'include/ring.h'
      })
    ])
    const checked = computeAffected(
      fixtureSet('header-inline'),
      [changed('ring_used', 'include/ring.h')],
      {
        objectOf: () => 'vmlinux',
        symbolInfo: () => undefined
      }
    )
    // Symbol tables cannot tell a header's copy from a same-name static: still for a human.
    expect(checked.findings[0].severity).toBe('unresolved')
  })

  it('reports an ordinary function of a TU whose dump does not mention it', () => {
    const r = computeAffected(fixtureSet('header-inline'), [changed('ring_size', 'lib/idle.c')])
    expect(brief(r.affected)).toEqual(['lib/idle.c ring_size required present: changed ring_size'])
    expect(r.findings).toEqual([])
  })

  it('reports a changed file without a dump as not built', () => {
    const set = fixtureSet('header-inline')
    const r = computeAffected(set, [changed('f', 'lib/gone.c')])
    expect(r.affected).toEqual([])
    expect(r.findings).toEqual([
      expect.objectContaining({
        kind: 'not-built',
        severity: 'unresolved',
        file: 'lib/gone.c',
        set: 'header-inline'
      })
    ])
    const elsewhere = computeAffected(set, [changed('f', 'lib/gone.c')], {
      tuBuiltElsewhere: tu => tu === 'lib/gone.c'
    })
    expect(elsewhere.findings).toEqual([
      expect.objectContaining({ kind: 'not-built', severity: 'info' })
    ])
  })

  it('uses objects and symbol tables when given, and skips added functions', () => {
    const r = computeAffected(
      fixtureSet('part'),
      [changed('check', 'part.c'), changed('brand_new', 'part.c', { change: 'added' })],
      {
        objectOf: () => 'my_mod',
        symbolInfo: (_object, _tu, name) =>
          name === 'user2'
            ? { exists: true, sympos: 2 }
            : name === 'user3'
              ? undefined
              : { exists: name !== 'user1' }
      }
    )
    // `check` has a removal line: a same-name symbol in the table is another TU's, not this one.
    // The dump keeps user1: a table without it cannot overrule that (another build, cut names).
    expect(r.affected.map(a => [a.object, a.name, a.symbol, a.sympos])).toEqual([
      ['my_mod', 'check', 'removed', undefined],
      ['my_mod', 'check.part.0', 'present', undefined],
      ['my_mod', 'user1', 'present', undefined],
      ['my_mod', 'user2', 'present', 2],
      ['my_mod', 'user3', 'present', undefined]
    ])
    expect(r.findings.map(f => [f.kind, f.severity, f.functions?.join()])).toEqual([
      ['symbols-mode', 'unresolved', 'user1']
    ])
    // A readelf table that lists the TU and has no such function: GCC emitted none.
    const listed = computeAffected(fixtureSet('part'), [changed('check', 'part.c')], {
      objectOf: () => 'my_mod',
      symbolInfo: (_object, _tu, name) =>
        name === 'user1' ? { exists: false, absentFromTu: true } : { exists: true }
    })
    const user1 = listed.affected.find(a => a.name === 'user1')
    expect(user1?.symbol).toBe('removed')
    expect(user1?.note).toMatch(/GCC inlined every call/)
    expect(listed.findings).toEqual([])
  })

  it('walks every symbol name of a changed function and deduplicates across changed functions', () => {
    const set = fixtureSet('chain')
    const r = computeAffected(set, [
      changed('a', 'chain.c', { symbols: ['a', 'b'] }),
      changed('b', 'chain.c')
    ])
    expect(r.affected.map(a => `${a.name}:${a.chain.length}`)).toEqual(['a:1', 'b:1', 'c:2'])
  })

  it('joins LTO stages by file and name and follows cross-TU inlining', () => {
    const set = fixtureSet('lto')
    expect(brief(computeAffected(set, [changed('foo', 'a.c')]).affected)).toEqual([
      'a.c foo required present: changed foo',
      'b.c main required present: changed foo > inlined-into main'
    ])
    expect(brief(computeAffected(set, [changed('sink', 'b.c')]).affected)).toEqual([
      'a.c bar required present: changed sink > inlined-into bar',
      'b.c main required present: changed sink > inlined-into bar > inlined-into main',
      'b.c sink required present: changed sink',
      'a.c sq required present: changed sink > inlined-into sq',
      'b.c sq required present: changed sink > inlined-into sq'
    ])
  })
})

describe('time order of the dump', () => {
  const line = (a: string, ao: number, b: string, bo: number, r: string) =>
    `Callgraph clone;${a};${ao};t.c;1;1;${b};${bo};t.c;2;1;${r}`

  it('does not put a callee into a clone made before it was inlined into the original', () => {
    const set = setOf({
      't.c.000i.ipa-clones': [
        line('b', 2, 'b.constprop.0', 9, 'constprop'),
        line('x', 1, 'b', 2, 'inlining to')
      ].join('\n')
    })
    expect(brief(computeAffected(set, [changed('x', 't.c')]).affected)).toEqual([
      't.c b required present: changed x > inlined-into b',
      't.c x required present: changed x'
    ])
  })

  it('puts it into a clone made after', () => {
    const set = setOf({
      't.c.000i.ipa-clones': [
        line('x', 1, 'b', 2, 'inlining to'),
        line('b', 2, 'b.constprop.0', 9, 'constprop')
      ].join('\n')
    })
    expect(computeAffected(set, [changed('x', 't.c')]).affected.map(a => a.name)).toEqual([
      'b',
      'b.constprop.0',
      'x'
    ])
  })

  it('catches a later inlining of a function that has meanwhile absorbed the change', () => {
    const set = setOf({
      't.c.000i.ipa-clones': [
        line('b', 2, 'c', 3, 'inlining to'),
        line('x', 1, 'b', 2, 'inlining to'),
        line('b', 2, 'd', 4, 'inlining to')
      ].join('\n')
    })
    expect(computeAffected(set, [changed('x', 't.c')]).affected.map(a => a.name)).toEqual([
      'b',
      'd',
      'x'
    ])
  })
})

describe('explainSymbol', () => {
  it('explains a symbol in every TU, or only for its definition file', () => {
    const set = fixtureSet('same-static')
    expect(explainSymbol(set, 'tidy').affected.map(a => `${a.tu} ${a.name}`)).toEqual([
      'one.c one',
      'one.c tidy',
      'two.c tidy',
      'two.c two'
    ])
    expect(explainSymbol(set, 'tidy', 'two.c').affected.map(a => `${a.tu} ${a.name}`)).toEqual([
      'two.c tidy',
      'two.c two'
    ])
  })

  it('says so when no dump mentions the symbol', () => {
    const r = explainSymbol(fixtureSet('chain'), 'nowhere')
    expect(r.affected).toEqual([])
    expect(r.findings).toEqual([expect.objectContaining({ kind: 'no-dump', severity: 'info' })])
  })
})

describe('originals of specialized clones', () => {
  it('keeps the original of a constprop clone required but notes its symbol may not exist', () => {
    // The committed dump has no removal line for `scale`, yet GCC emitted only scale.constprop.0.
    const r = computeAffected(fixtureSet('constprop'), [changed('scale', 'constprop.c')])
    const original = r.affected.find(a => a.name === 'scale')
    const clone = r.affected.find(a => a.name === 'scale.constprop.0')
    expect(original?.tier).toBe('required')
    expect(original?.note).toMatch(/may have emitted no symbol/)
    expect(clone?.note).toBeUndefined()
  })

  it('drops the note when symbol tables decide', () => {
    const r = computeAffected(fixtureSet('constprop'), [changed('scale', 'constprop.c')], {
      objectOf: () => 'vmlinux',
      symbolInfo: (_o, _tu, name) => ({ exists: name !== 'scale' })
    })
    const original = r.affected.find(a => a.name === 'scale')
    expect(original?.symbol).toBe('removed')
    expect(original?.note).toBeUndefined()
  })
})

describe('a syscall definer whose wrappers the build made only in part', () => {
  // fs/read_write.c of a 6.1 x86_64 build with IA32 emulation and without x32 (the real lines).
  const dump = [
    'Callgraph clone;__do_compat_sys_lseek;4662;fs/read_write.c;317;1;__se_compat_sys_lseek;4661;fs/read_write.c;317;1;inlining to',
    'Callgraph removal;__do_compat_sys_lseek;4662;fs/read_write.c;317;1',
    'Callgraph clone;__se_compat_sys_lseek;4661;fs/read_write.c;317;1;__ia32_compat_sys_lseek;4660;fs/read_write.c;317;1;inlining to',
    'Callgraph removal;__se_compat_sys_lseek;4661;fs/read_write.c;317;1',
    ''
  ].join('\n')
  const fn = changed('__do_compat_sys_lseek', 'fs/read_write.c', {
    symbols: [
      '__do_compat_sys_lseek',
      '__se_compat_sys_lseek',
      '__x64_compat_sys_lseek',
      '__ia32_compat_sys_lseek'
    ]
  })

  it('leaves out a wrapper the dump does not hold beside the body it inlined', () => {
    const r = computeAffected(setOf({ 'fs/read_write.c.000i.ipa-clones': dump }), [fn])
    expect(r.affected.map(a => a.name).sort()).toEqual([
      '__do_compat_sys_lseek',
      '__ia32_compat_sys_lseek',
      '__se_compat_sys_lseek'
    ])
  })

  it('requires the body alone when the dump holds none of them: the wrappers call it', () => {
    const other = 'Callgraph removal;unrelated;1;fs/read_write.c;10;1\n'
    const r = computeAffected(setOf({ 'fs/read_write.c.000i.ipa-clones': other }), [fn])
    expect(r.affected.map(a => a.name)).toEqual(['__do_compat_sys_lseek'])
  })
})

describe('a syscall body GCC keeps out of line (real GCC: fixtures/gcc/syscall-wrapper)', () => {
  // __se_sys_pivot_root is inlined into both entry wrappers and calls __do_sys_pivot_root, which
  // has two call sites and stays out of line: rebuilt with fix.patch, only its code changes
  // (objdump, when the fixture was made), as in a holdout's fs/namespace.c.
  it('requires the body, not the wrappers that call it', () => {
    const set = fixtureSet('syscall-wrapper')
    const fn = changed('__do_sys_pivot_root', 'fs/namespace.c', {
      symbols: [
        '__do_sys_pivot_root',
        '__se_sys_pivot_root',
        '__x64_sys_pivot_root',
        '__ia32_sys_pivot_root'
      ]
    })
    const r = computeAffected(set, [fn])
    expect(r.affected.map(a => `${a.name}:${a.tier}`)).toEqual(['__do_sys_pivot_root:required'])
  })
})
