import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { computeCoverage } from '../../../src/core/coverage/coverage.js'
import { evaluatePolicy } from '../../../src/core/coverage/policy.js'
import { computeAffected, type AffectedOptions } from '../../../src/core/graph/affected.js'
import type {
  AffectedFunction,
  ChangedFunction,
  DeclaredFunction
} from '../../../src/core/model.js'
import { makeCopiesOf, type CopySource } from '../../../src/core/sympos/copies.js'
import { parseSymbolFiles, type SymbolTables } from '../../../src/core/symbols/table.js'
import { FIXTURES, fixtureSet, setOf } from '../dumps/load-fixture.js'

// fixtures/gcc/sympos: lib/alpha.c and lib/beta.c each define a static helper() that GCC inlined
// into one caller and kept out of line (its address is taken); alpha.c's is also inlined into its
// static wrap(), and lib/gamma.c has another static wrap(). Linked into one vmlinux, the object
// holds two local symbols named helper and two named wrap: System.map (nm) and vmlinux.syms (readelf -sW) were made
// from the same objects by scripts/regen-gcc-fixtures.sh.
const DIR = join(FIXTURES, 'sympos')
const helper: ChangedFunction = {
  name: 'helper',
  symbols: ['helper'],
  file: 'lib/alpha.c',
  line: 8,
  change: 'modified',
  hunks: [{ file: 'lib/alpha.c', line: 10 }]
}

function tables(...names: string[]): SymbolTables {
  const files = new Map(names.map(n => [n, readFileSync(join(DIR, n), 'utf8')]))
  const { tables: t } = parseSymbolFiles(files)
  if (!t) throw new Error('no table')
  return t
}

function run(
  declared: DeclaredFunction[],
  source: Omit<CopySource, 'set'> & { set?: CopySource['set'] } = {}
): { affected: AffectedFunction[]; coverage: ReturnType<typeof computeCoverage> } {
  const set = source.set ?? fixtureSet('sympos')
  const objectOf = source.objectOf
  const symbols = source.symbols
  const options: AffectedOptions = {
    objectOf,
    symbolInfo: symbols ? (o, tu, n) => symbols.lookup(o, tu, n) : undefined
  }
  const { affected } = computeAffected(set, [helper], options)
  const copiesOf = makeCopiesOf([{ set, objectOf, symbols }], affected)
  return { affected, coverage: computeCoverage(affected, declared, [], copiesOf) }
}

const decl = (over: Partial<DeclaredFunction> = {}): DeclaredFunction => ({
  object: 'vmlinux',
  name: 'helper',
  source: 'livepatch.c:12',
  ...over
})
const inVmlinux = (): string => 'vmlinux'

describe('old_sympos of a name with several local copies in one object', () => {
  it('from the dumps alone: a declaration without old_sympos is ambiguous and fails missing', () => {
    const { affected, coverage } = run([decl()], { objectOf: inVmlinux })
    expect(affected.map(a => `${a.name}@${a.tu}`)).toEqual([
      'alpha_run@lib/alpha.c',
      'alpha_wrap@lib/alpha.c',
      'helper@lib/alpha.c',
      'wrap@lib/alpha.c'
    ])
    expect(coverage.covered).toEqual([])
    expect(coverage.ambiguous?.map(x => [x.affected.name, x.reason, x.copies])).toEqual([
      ['helper', 'no-sympos', 2]
    ])
    const [x] = coverage.ambiguous ?? []
    expect(x.candidates).toBeUndefined()
    expect(x.message).toContain('the dumps show 2 copies of helper in vmlinux')
    expect(x.message).toContain('lib/alpha.c, lib/beta.c')
    expect(x.message).toContain('unresolvable ambiguity')
    expect(coverage.extra).toEqual([])
    const verdict = evaluatePolicy(['missing'], affected, coverage, [])
    expect(verdict.result).toBe('fail')
    expect(verdict.reasons.join('\n')).toMatch(
      /1 declaration does not say which of several same-name symbols .*the kernel would refuse to load/
    )
  })

  it('from the dumps alone: a declared old_sympos cannot be checked (the order needs tables)', () => {
    const { coverage } = run([decl({ sympos: 2 })], { objectOf: inVmlinux })
    expect(coverage.covered).toEqual([])
    expect(coverage.ambiguous?.map(x => [x.reason, x.copies])).toEqual([['unverified', 2]])
    expect(coverage.ambiguous?.[0].message).toContain('the dumps do not tell their kallsyms order')
  })

  it('TUs of different objects hold different symbols: no ambiguity', () => {
    const objectOf = (tu: string): string => (tu === 'lib/beta.c' ? 'beta_mod' : 'vmlinux')
    const { coverage } = run([decl()], { objectOf })
    expect(coverage.ambiguous).toBeUndefined()
    expect(coverage.covered.map(c => c.affected.name)).toEqual(['helper'])
  })

  it('without kbuild objects nothing is claimed', () => {
    const { coverage } = run([decl({ object: '*' })])
    expect(coverage.ambiguous).toBeUndefined()
  })

  it('a copy GCC removed (fully inlined) is no symbol: the name is unique again', () => {
    const dump = (tu: string): string => readFileSync(join(DIR, `${tu}.000i.ipa-clones`), 'utf8')
    const set = setOf({
      'lib/alpha.c.000i.ipa-clones': dump('lib/alpha.c'),
      'lib/beta.c.000i.ipa-clones': `${dump('lib/beta.c')}Callgraph removal;helper;0;lib/beta.c;5;12\n`
    })
    const { coverage } = run([decl()], { set, objectOf: inVmlinux })
    expect(coverage.ambiguous).toBeUndefined()
    expect(coverage.covered.map(c => c.affected.name)).toEqual(['helper'])
  })

  it('with readelf tables: the changed copy is placed, no old_sympos is ambiguous with its value', () => {
    const symbols = tables('vmlinux.syms')
    const { affected, coverage } = run([decl()], { objectOf: inVmlinux, symbols })
    expect(affected.find(a => a.name === 'helper')?.sympos).toBe(1)
    const [x] = coverage.ambiguous ?? []
    expect([x.reason, x.copies, x.candidates]).toEqual(['no-sympos', 2, [1]])
    expect(x.message).toContain('the symbol tables of vmlinux list 2 symbols named helper')
    expect(x.message).toContain('old_sympos of the copy in lib/alpha.c: 1 (kallsyms order)')
  })

  it('with readelf tables: the right old_sympos is covered, the other copy is missing', () => {
    const symbols = tables('vmlinux.syms')
    const right = run([decl({ sympos: 1 })], { objectOf: inVmlinux, symbols }).coverage
    expect(right.ambiguous).toBeUndefined()
    expect(right.covered.map(c => c.declared.sympos)).toEqual([1])
    const wrong = run([decl({ sympos: 2 })], { objectOf: inVmlinux, symbols }).coverage
    expect(wrong.covered).toEqual([])
    expect(wrong.missing.map(a => a.name)).toContain('helper')
  })

  it('with System.map (no TU attribution): every copy is a candidate; past the last is out of range', () => {
    const symbols = tables('System.map')
    const none = run([decl()], { objectOf: inVmlinux, symbols }).coverage
    expect(none.ambiguous?.map(x => [x.reason, x.copies, x.candidates])).toEqual([
      ['no-sympos', 2, [1, 2]]
    ])
    expect(none.ambiguous?.[0].message).toContain('1 or 2')
    const far = run([decl({ sympos: 3 })], { objectOf: inVmlinux, symbols }).coverage
    expect(far.ambiguous?.map(x => x.reason)).toEqual(['out-of-range'])
    expect(far.ambiguous?.[0].message).toContain('declared with old_sympos 3')
    expect(far.ambiguous?.[0].message).toContain('symbol position not found')
    // Position 2 is a copy of helper, but which TU's System.map does not say: kernel/b.c's
    // would be replaced by this code (a hostile review's case, built with GCC 12).
    const unsure = run([decl({ sympos: 2 })], { objectOf: inVmlinux, symbols }).coverage
    expect(unsure.covered).toEqual([])
    expect(unsure.ambiguous?.map(x => [x.reason, x.candidates])).toEqual([['unverified', [1, 2]]])
    expect(unsure.ambiguous?.[0].message).toContain('give <object>.syms (readelf -sW) to check it')
  })

  it("a changed copy GCC inlined everywhere: declaring its name patches another TU's function", () => {
    // beta.c keeps a helper of its own; alpha.c's changed one is given a removal line here.
    const dump = (tu: string): string => readFileSync(join(DIR, `${tu}.000i.ipa-clones`), 'utf8')
    const set = setOf({
      'lib/alpha.c.000i.ipa-clones': `${dump('lib/alpha.c')}Callgraph removal;helper;0;lib/alpha.c;8;12\n`,
      'lib/beta.c.000i.ipa-clones': dump('lib/beta.c'),
      'lib/gamma.c.000i.ipa-clones': dump('lib/gamma.c')
    })
    const { affected, coverage } = run([decl()], { set, objectOf: inVmlinux })
    expect(affected.find(a => a.name === 'helper')?.symbol).toBe('removed')
    expect(coverage.declaredRemoved).toBeUndefined()
    expect(coverage.extra).toEqual([])
    expect(coverage.ambiguous?.map(x => [x.reason, x.copies])).toEqual([['other-copy', 1]])
    expect(coverage.ambiguous?.[0].message).toContain(
      'the declaration resolves to another function, which the livepatch would replace with this code'
    )
    // With no other helper anywhere, the kernel refuses it at load time: information only.
    const alone = setOf({
      'lib/alpha.c.000i.ipa-clones': `${dump('lib/alpha.c')}Callgraph removal;helper;0;lib/alpha.c;8;12\n`
    })
    const lone = run([decl()], { set: alone, objectOf: inVmlinux }).coverage
    expect(lone.ambiguous).toBeUndefined()
    expect(lone.declaredRemoved?.map(x => x.declared.name)).toEqual(['helper'])
  })

  it('a container: its copy in a TU the change does not reach counts too', () => {
    const { coverage } = run([decl({ name: 'wrap' })], { objectOf: inVmlinux })
    expect(coverage.ambiguous?.map(x => [x.affected.name, x.copies])).toEqual([['wrap', 2]])
    expect(coverage.ambiguous?.[0].message).toContain('lib/alpha.c, lib/gamma.c')
  })

  it('a unique name needs no old_sympos', () => {
    const { coverage } = run([decl({ name: 'alpha_run' })], { objectOf: inVmlinux })
    expect(coverage.ambiguous).toBeUndefined()
    expect(coverage.covered.map(c => c.affected.name)).toEqual(['alpha_run'])
  })
})
