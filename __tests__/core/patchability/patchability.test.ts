import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { computeCoverage } from '../../../src/core/coverage/coverage.js'
import { evaluatePolicy } from '../../../src/core/coverage/policy.js'
import { computeAffected } from '../../../src/core/graph/affected.js'
import type {
  AffectedFunction,
  ChangedFunction,
  DeclaredFunction,
  Finding
} from '../../../src/core/model.js'
import { judgePatchability } from '../../../src/core/patchability/judge.js'
import { verdictOf } from '../../../src/core/patchability/rules.js'
import { untracedTus } from '../../../src/core/patchability/untraced.js'
import { locateSource } from '../../../src/core/source/locate.js'
import { FIXTURES, fixtureSet } from '../dumps/load-fixture.js'

// fixtures/gcc/patchability: kernel/table.c with the 6.1 annotations (include/compiler.h); GCC
// inlined check_len() into boot, exit, notrace, noinstr, __sched and ordinary functions.
const TU = 'kernel/table.c'
const SOURCE = readFileSync(join(FIXTURES, 'patchability', TU), 'utf8')
type Parser = Awaited<ReturnType<typeof loadCParser>>
let parser: Parser

beforeAll(async () => {
  parser = await loadCParser()
})

function changedFn(name: string, line: number): ChangedFunction {
  return { name, symbols: [name], file: TU, line, change: 'modified', hunks: [{ file: TU, line }] }
}

function judge(
  changed: ChangedFunction,
  options: {
    object?: string
    declared?: DeclaredFunction[]
    texts?: Map<string, string>
    sourceOf?: (p: string) => string | undefined
  } = {}
): { affected: AffectedFunction[]; findings: Finding[] } {
  const object = options.object ?? 'vmlinux'
  const { affected } = computeAffected(fixtureSet('patchability'), [changed], {
    objectOf: () => object
  })
  const findings = judgePatchability({
    affected,
    changed: [changed],
    changedTexts: options.texts ?? new Map([[TU, SOURCE]]),
    parser,
    sourceOf: options.sourceOf ?? (() => undefined),
    declared: options.declared ?? []
  })
  return { affected, findings }
}

const byFunction = (findings: Finding[]): Record<string, string> =>
  Object.fromEntries(findings.map(f => [f.functions?.[0] ?? '', f.severity]))

const decl = (name: string, object = 'vmlinux'): DeclaredFunction => ({
  object,
  name,
  source: 'livepatch.c:20'
})

describe('the locator records annotations', () => {
  it('on kernel-shaped definitions, without changing what it locates', () => {
    const fns = locateSource(parser, SOURCE).functions
    const attrs = Object.fromEntries(fns.map(f => [f.name, f.attributes ?? []]))
    expect(attrs).toEqual({
      check_len: [],
      table_init: ['__init'],
      table_exit: ['__exit'],
      table_peek: ['notrace'],
      table_enter: ['noinstr'],
      table_wait: ['__sched'],
      table_read: []
    })
  })

  it('in raw __attribute__ and __section spellings, before and after the declarator', () => {
    const text = [
      'static int __attribute__((section(".entry.text"))) a(int x) { return x; }',
      'int b(int x) __attribute__((__no_instrument_function__));',
      'int __attribute__((__no_instrument_function__, cold)) b(int x) { return x; }',
      'void c(void) __section(".noinstr.text") { }',
      '/* notrace */ static __always_inline int d(void) { return 0; }'
    ].join('\n')
    const fns = locateSource(parser, text).functions
    expect(Object.fromEntries(fns.map(f => [f.name, f.attributes ?? []]))).toEqual({
      a: ['section:.entry.text'],
      b: ['no_instrument_function'],
      c: ['section:.noinstr.text'],
      d: ['__always_inline']
    })
  })
})

describe('verdictOf', () => {
  it('follows the 6.1 headers: section and attribute decide, __sched and inline do not', () => {
    expect(verdictOf(['__init', '__cold'])).toEqual({ kind: 'boot-only', because: '__init' })
    expect(verdictOf(['__exit'])?.kind).toBe('exit')
    expect(verdictOf(['section:.entry.text'])).toEqual({
      kind: 'noinstr',
      because: 'section .entry.text'
    })
    expect(verdictOf(['__meminit'])?.kind).toBe('notrace')
    expect(verdictOf(['no_instrument_function'])?.kind).toBe('notrace')
    expect(verdictOf(['__sched'])).toBeUndefined()
    expect(verdictOf(['__always_inline', '__kprobes', 'section:.sched.text'])).toBeUndefined()
  })
})

describe('judgePatchability on the GCC fixture', () => {
  it('a changed helper inlined everywhere: notrace and noinstr containers are unresolved, boot and built-in exit code need nothing', () => {
    const { affected, findings } = judge(changedFn('check_len', 11))
    expect(byFunction(findings)).toEqual({
      table_enter: 'unresolved',
      table_exit: 'info',
      table_init: 'info',
      table_peek: 'unresolved'
    })
    const peek = findings.find(f => f.functions?.[0] === 'table_peek')
    expect(peek?.message).toContain('table_peek (which contains check_len) is notrace')
    expect(peek?.message).toContain('neither a livepatch nor kpatch can replace it')
    expect(findings.find(f => f.functions?.[0] === 'table_init')?.message).toContain(
      'runs only at boot'
    )
    expect(findings.find(f => f.functions?.[0] === 'table_exit')?.message).toContain(
      'exit code of a built-in object never runs'
    )
    expect(findings.every(f => f.kind === 'not-patchable' && f.file === TU)).toBe(true)
    const marks = Object.fromEntries(affected.map(a => [a.name, a.unpatchable ?? '-']))
    expect(marks).toEqual({
      check_len: '-',
      table_enter: 'noinstr',
      table_exit: 'exit',
      table_init: 'boot-only',
      table_peek: 'notrace',
      table_read: '-',
      table_wait: '-'
    })

    // Only the patchable containers are asked of the livepatch; the unresolved ones fail the gate.
    const coverage = computeCoverage(affected, [decl('table_read'), decl('table_wait')], findings)
    expect(coverage.missing).toEqual([])
    expect(coverage.covered.map(c => c.affected.name)).toEqual(['table_read', 'table_wait'])
    expect(evaluatePolicy(['missing'], affected, coverage, findings).result).toBe('pass')
    expect(evaluatePolicy(['missing', 'unresolved'], affected, coverage, findings).result).toBe(
      'fail'
    )
  })

  it("a module's __exit code runs at unload and is notrace: unresolved", () => {
    const { findings } = judge(changedFn('check_len', 11), { object: 'table_mod' })
    const exit = findings.find(f => f.functions?.[0] === 'table_exit')
    expect(exit?.severity).toBe('unresolved')
    expect(exit?.message).toContain('runs only at module unload')
  })

  it('declaring boot code would make the livepatch fail to load: unresolved, and extra', () => {
    const { affected, findings } = judge(changedFn('check_len', 11), {
      declared: [decl('table_init'), decl('table_read')]
    })
    const init = findings.find(f => f.functions?.[0] === 'table_init')
    expect(init?.severity).toBe('unresolved')
    expect(init?.message).toContain('It is declared (livepatch.c:20)')
    const coverage = computeCoverage(affected, [decl('table_init'), decl('table_read')], findings)
    expect(coverage.extra.map(d => d.name)).toEqual(['table_init'])
  })

  it('a changed __init function itself: nothing to patch, said as info', () => {
    const { affected, findings } = judge(changedFn('table_init', 18))
    expect(affected.map(a => a.name)).toEqual(['table_init'])
    expect(findings).toHaveLength(1)
    expect(findings[0].severity).toBe('info')
    expect(findings[0].message).toMatch(/^table_init is __init: it runs only at boot/)
  })

  it("a container's TU source is read through sourceOf; without any source nothing is judged", () => {
    const viaTree = judge(changedFn('check_len', 11), {
      texts: new Map(),
      sourceOf: p => (p === TU ? SOURCE : undefined)
    })
    expect(Object.keys(byFunction(viaTree.findings)).sort()).toEqual([
      'table_enter',
      'table_exit',
      'table_init',
      'table_peek'
    ])
    const blind = judge(changedFn('check_len', 11), { texts: new Map() })
    expect(blind.findings).toEqual([])
    expect(blind.affected.some(a => a.unpatchable)).toBe(false)
  })
})

// fixtures/kbuild-6.1.187: the compile commands of arch/x86/kernel/tsc.o (CFLAGS_REMOVE_tsc.o =
// $(CC_FLAGS_FTRACE): no -pg) and kernel/locking/mutex.o (-pg -mrecord-mcount -mfentry).
const KBUILD = join(FIXTURES, '..', 'kbuild-6.1.187')
const TSC = readFileSync(join(KBUILD, 'arch/x86/kernel/.tsc.o.cmd'), 'utf8')
const MUTEX = readFileSync(join(KBUILD, 'kernel/locking/.mutex.o.cmd'), 'utf8')

describe('untracedTus (real 6.1.187 kbuild commands)', () => {
  it('names the TUs compiled without ftrace flags', () => {
    const cmds = new Map([
      ['arch/x86/kernel/.tsc.o.cmd', TSC],
      ['kernel/locking/.mutex.o.cmd', MUTEX]
    ])
    expect(untracedTus(cmds)).toEqual(new Set(['arch/x86/kernel/tsc.c']))
  })

  it('says nothing when no compile has them (a kernel without ftrace)', () => {
    expect(untracedTus(new Map([['arch/x86/kernel/.tsc.o.cmd', TSC]]))).toBeUndefined()
  })

  it('counts arm64-style -fpatchable-function-entry as traced, =0 as not', () => {
    const arm = (obj: string, flag: string): string =>
      `cmd_${obj}.o := gcc -D__KERNEL__ ${flag} -c -o ${obj}.o ${obj}.c\n`
    const cmds = new Map([
      ['a/.x.o.cmd', arm('a/x', '-fpatchable-function-entry=2')],
      ['a/.y.o.cmd', arm('a/y', '-fpatchable-function-entry=0')]
    ])
    expect(untracedTus(cmds)).toEqual(new Set(['a/y.c']))
  })
})

describe('judgePatchability with a TU compiled without ftrace flags', () => {
  it('every function of that TU is not patchable; annotated ones keep their own reason', () => {
    const changed = changedFn('check_len', 11)
    const { affected } = computeAffected(fixtureSet('patchability'), [changed], {
      objectOf: () => 'vmlinux'
    })
    const findings = judgePatchability({
      affected,
      changed: [changed],
      changedTexts: new Map([[TU, SOURCE]]),
      parser,
      sourceOf: () => undefined,
      declared: [],
      untraced: (set, tu) => set === 'patchability' && tu === TU
    })
    expect(byFunction(findings)).toEqual({
      table_enter: 'unresolved',
      table_exit: 'info',
      table_init: 'info',
      table_peek: 'unresolved',
      table_read: 'unresolved',
      table_wait: 'unresolved'
    })
    const read = findings.find(f => f.functions?.[0] === 'table_read')
    expect(read?.message).toContain(
      "is in kernel/table.c, which kbuild compiled without ftrace's flags (CFLAGS_REMOVE_table.o = $(CC_FLAGS_FTRACE))"
    )
    expect(findings.find(f => f.functions?.[0] === 'table_peek')?.message).toContain('is notrace')
  })
})
