import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { computeAffected, type AffectedOptions } from '../../../src/core/graph/affected.js'
import type { DumpSet } from '../../../src/core/dumps/dump-set.js'
import type { ChangedFunction, Finding } from '../../../src/core/model.js'
import { parseSymbolFiles } from '../../../src/core/symbols/table.js'
import { FIXTURES, fixtureSet, setOf } from '../dumps/load-fixture.js'

// fixtures/gcc/header-ool: lib/user.c inlines hcount() from include/hdr.h; lib/table.c only takes
// its address, so GCC keeps an out-of-line copy there and writes no dump line about it. The
// regen script also wrote the objects' symbol tables: System.map (nm) and vmlinux.syms (readelf).
const hcount: ChangedFunction = {
  name: 'hcount',
  symbols: ['hcount'],
  file: 'include/hdr.h',
  line: 2,
  change: 'modified',
  hunks: []
}
const table = (name: string): string => readFileSync(join(FIXTURES, 'header-ool', name), 'utf8')

function withTables(files: Record<string, string>, objects = ['vmlinux']): AffectedOptions {
  const { tables } = parseSymbolFiles(new Map(Object.entries(files)))
  if (!tables) throw new Error('no table')
  return {
    objectOf: () => 'vmlinux',
    objects,
    symbolInfo: (o, tu, n) => tables.lookup(o, tu, n),
    functionFiles: (o, n) => tables.functionFiles(o, n)
  }
}

function headerFinding(options: AffectedOptions, set: DumpSet = fixtureSet('header-ool')): Finding {
  const { findings } = computeAffected(set, [hcount], options)
  const found = findings.filter(f => f.kind === 'header-out-of-line')
  expect(found).toHaveLength(1)
  return found[0]
}

const withoutHcount = (text: string): string =>
  text
    .split('\n')
    .filter(l => !/\shcount$/.test(l))
    .join('\n')

describe('out-of-line copies of a changed header function', () => {
  it('are invisible in the dumps: the report has only the inlining TU', () => {
    const { affected } = computeAffected(fixtureSet('header-ool'), [hcount])
    expect(affected.map(a => `${a.tu} ${a.name} ${a.symbol}`)).toEqual([
      'lib/user.c hcount removed',
      'lib/user.c use present'
    ])
  })

  it('stay unresolved without symbol tables', () => {
    expect(headerFinding({ objectOf: () => 'vmlinux', objects: ['vmlinux'] })).toMatchObject({
      severity: 'unresolved',
      functions: ['hcount']
    })
  })

  it('are found by System.map, which cannot say whose copy it is: unresolved', () => {
    const f = headerFinding(withTables({ 'System.map': table('System.map') }))
    expect(f.severity).toBe('unresolved')
    expect(f.message).toContain(
      'vmlinux has 1 function symbol(s) named hcount (its table does not say which TU each is from)'
    )
  })

  it("are found by readelf's FILE symbols in a TU no dump names: an entry there", () => {
    const options = withTables({ 'vmlinux.syms': table('vmlinux.syms') })
    const { affected } = computeAffected(fixtureSet('header-ool'), [hcount], options)
    const copy = affected.find(a => a.tu === 'lib/table.c')
    expect(copy).toMatchObject({ name: 'hcount', tier: 'required', symbol: 'present' })
    expect(copy?.chain.map(c => [c.kind, c.name])).toEqual([['changed', 'hcount']])
    expect(copy?.chain[0].reason).toMatch(/symbol table shows/)
    expect(headerFinding(options).severity).toBe('info')
  })

  it('stay unresolved when two TUs share the basename the FILE symbol names', () => {
    const set = setOf({
      'lib/user.c.000i.ipa-clones': readFileSync(
        join(FIXTURES, 'header-ool/lib/user.c.000i.ipa-clones'),
        'utf8'
      ),
      'lib/table.c.000i.ipa-clones': '',
      'drivers/table.c.000i.ipa-clones': ''
    })
    const f = headerFinding(withTables({ 'vmlinux.syms': table('vmlinux.syms') }), set)
    expect(f.severity).toBe('unresolved')
    expect(f.message).toContain('not from a TU the report lists: table.c')
  })

  it("are settled when each copy is a present entry's, by FILE symbol", () => {
    // lib/keep.c inlines hcount in one caller and keeps its out-of-line copy (no removal line).
    const set = setOf({
      'lib/keep.c.000i.ipa-clones':
        'Callgraph clone;hcount;0;./include/hdr.h;2;19;use2;1;lib/keep.c;3;5;inlining to\n',
      'lib/table.c.000i.ipa-clones': ''
    })
    const syms = table('vmlinux.syms').replace('ABS table.c', 'ABS keep.c')
    const f = headerFinding(withTables({ 'vmlinux.syms': syms }), set)
    expect(f.severity).toBe('info')
    expect(f.message).toContain('all 1 object(s) show no copy the report lacks')
  })

  it('are settled when no object has a symbol of that name', () => {
    const f = headerFinding(withTables({ 'System.map': withoutHcount(table('System.map')) }))
    expect(f.severity).toBe('info')
  })

  it('stay unresolved when some object has no table', () => {
    const tables = { 'System.map': withoutHcount(table('System.map')) }
    const f = headerFinding(withTables(tables, ['vmlinux', 'xt_LOG']))
    expect(f.severity).toBe('unresolved')
    expect(f.message).toContain('no symbol table for xt_LOG')
  })
})
