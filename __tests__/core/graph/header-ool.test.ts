import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { computeAffected, type AffectedOptions } from '../../../src/core/graph/affected.js'
import type { ChangedFunction, Finding } from '../../../src/core/model.js'
import { parseSymbolFiles } from '../../../src/core/symbols/table.js'
import { FIXTURES, fixtureSet } from '../dumps/load-fixture.js'

// fixtures/gcc/header-ool: lib/user.c inlines hcount() from include/hdr.h; lib/table.c only takes
// its address, so GCC keeps an out-of-line copy there and writes no dump line about it.
const hcount: ChangedFunction = {
  name: 'hcount',
  symbols: ['hcount'],
  file: 'include/hdr.h',
  line: 2,
  change: 'modified',
  hunks: []
}
const systemMap = readFileSync(join(FIXTURES, 'header-ool', 'System.map'), 'utf8')

function withTable(map: string, objects = ['vmlinux']): AffectedOptions {
  const { tables } = parseSymbolFiles(new Map([['System.map', map]]))
  if (!tables) throw new Error('no table')
  return {
    objectOf: () => 'vmlinux',
    objects,
    symbolInfo: (o, tu, n) => tables.lookup(o, tu, n),
    functionCount: (o, n) => tables.functionCount(o, n)
  }
}

function headerFinding(options: AffectedOptions): Finding {
  const { findings } = computeAffected(fixtureSet('header-ool'), [hcount], options)
  const found = findings.filter(f => f.kind === 'header-out-of-line')
  expect(found).toHaveLength(1)
  return found[0]
}

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

  it('are counted from the symbol table: a copy no dump shows keeps the finding unresolved', () => {
    const f = headerFinding(withTable(systemMap))
    expect(f.severity).toBe('unresolved')
    expect(f.message).toContain('vmlinux has 1 function symbol(s) named hcount, the report 0')
  })

  it('are settled when every object has a table and none holds a copy the report lacks', () => {
    const withoutCopy = systemMap
      .split('\n')
      .filter(l => !l.endsWith(' hcount'))
      .join('\n')
    const f = headerFinding(withTable(withoutCopy))
    expect(f.severity).toBe('info')
    expect(f.message).toContain('all 1 object(s) show no copy the report lacks')
  })

  it('stay unresolved when some object has no table', () => {
    const withoutCopy = systemMap
      .split('\n')
      .filter(l => !l.endsWith(' hcount'))
      .join('\n')
    const f = headerFinding(withTable(withoutCopy, ['vmlinux', 'xt_LOG']))
    expect(f.severity).toBe('unresolved')
    expect(f.message).toContain('no symbol table for xt_LOG')
  })
})
