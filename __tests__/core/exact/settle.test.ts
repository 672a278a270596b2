import { settleByObjects, type ReadersOf } from '../../../src/core/exact/settle.js'
import type { Finding } from '../../../src/core/model.js'
import type { ObjectComparison } from '../../../src/core/objects/model.js'
import { compareCase, hasTool } from '../objects/object-fixtures.js'

const withReadelf = hasTool('readelf') ? describe : describe.skip

const finding = (kind: Finding['kind'], file: string): Finding => ({
  kind,
  severity: 'unresolved',
  file,
  message: `${kind} in ${file}.`
})
const one = (objects: ObjectComparison[]) => [{ label: 'x86_64', objects }]
/** One set whose kbuild lists say `readers` read every header. */
const sets = (readers: string[] | undefined, labels = ['x86_64']): ReadersOf[] =>
  labels.map(label => ({ label, readers: () => readers }))

withReadelf('settleByObjects (real GCC objects)', () => {
  let same: ObjectComparison
  let dataChanged: ObjectComparison
  let codeChanged: ObjectComparison
  let lineOnly: ObjectComparison
  let asmLabels: ObjectComparison
  let asmUnowned: ObjectComparison
  beforeAll(async () => {
    asmLabels = await compareCase('asm-labels')
    asmUnowned = await compareCase('asm-unowned')
    same = await compareCase('data-same')
    dataChanged = await compareCase('data-init')
    codeChanged = await compareCase('inline-stop')
    lineOnly = await compareCase('line-shift')
  })

  it('settles a global change whose TU data reads the same after an equivalent rewrite', () => {
    const [f] = settleByObjects([finding('global-change', 'flags.c')], one([same]), sets([]))
    expect(f.severity).toBe('info')
    expect(f.message).toMatch(
      /every data object of flags\.c that the linked kernel keeps is identical/
    )
  })

  it('keeps a global change whose data did change', () => {
    const [f] = settleByObjects(
      [finding('global-change', 'params.c')],
      one([dataChanged]),
      sets([])
    )
    expect(f.severity).toBe('unresolved')
  })

  it('settles a missing dump only where that TU object was compared, in every set', () => {
    const found = settleByObjects(
      [finding('no-dump', 'flags.c'), finding('no-dump', 'other.c')],
      one([same]),
      sets([])
    )
    expect(found.map(f => f.severity)).toEqual(['info', 'unresolved'])
    const twoSets = settleByObjects(
      [finding('no-dump', 'flags.c')],
      one([same]),
      sets([], ['x86_64', 'arm64'])
    )
    expect(twoSets[0].severity).toBe('unresolved')
    const labelled = settleByObjects(
      [{ ...finding('no-dump', 'flags.c'), set: 'arm64' }],
      one([same]),
      sets([], ['x86_64', 'arm64'])
    )
    expect(labelled[0].severity).toBe('unresolved')
  })

  it('settles a header change when every reader was compared and kept its code and data', () => {
    // The reader whose only differences are shifted line numbers (the fixed function itself left out).
    const shifted = { ...lineOnly, symbols: lineOnly.symbols.filter(s => s.verdict !== 'changed') }
    expect(shifted.symbols.some(s => s.verdict === 'line-only')).toBe(true)
    const all = one([same, shifted])
    const readers = [same.tu, shifted.tu]
    const [f] = settleByObjects([finding('type-change', 'include/x.h')], all, sets(readers))
    expect(f.severity).toBe('info')
    expect(f.message).toMatch(/all 2 TU\(s\) that read include\/x\.h were recompiled/)
  })

  it('settles a header change whose readers differ in a pr_debug descriptor line only', () => {
    const descriptor = {
      ...same,
      symbols: [
        ...same.symbols,
        {
          name: '__UNIQUE_ID_ddebug12',
          kind: 'data' as const,
          dataClass: 'call-site' as const,
          verdict: 'line-only' as const,
          detail: 'line numbers only: line 12→13 at +0x20'
        }
      ]
    }
    const [f] = settleByObjects(
      [finding('macro-change', 'include/lim.h')],
      one([descriptor]),
      sets([descriptor.tu])
    )
    expect(f.severity).toBe('info')
  })

  it('keeps a header change when a reader changed, was not compared, or readers are unknown', () => {
    const type = finding('type-change', 'include/x.h')
    const changed = settleByObjects(
      [type],
      one([same, codeChanged]),
      sets([same.tu, codeChanged.tu])
    )
    expect(changed[0].severity).toBe('unresolved')
    const data = settleByObjects([type], one([same, dataChanged]), sets([same.tu, dataChanged.tu]))
    expect(data[0].severity).toBe('unresolved')
    const uncompared = settleByObjects([type], one([same]), sets([same.tu, 'lib/other.c']))
    expect(uncompared[0].severity).toBe('unresolved')
    const unknown = settleByObjects([type], one([same]), sets(undefined))
    expect(unknown[0].severity).toBe('unresolved')
    // A kernel table entry is not a doubt about code: the comparison does not speak for it.
    const exported = settleByObjects(
      [finding('export-change', 'include/x.h')],
      one([same]),
      sets([same.tu])
    )
    expect(exported[0].severity).toBe('unresolved')
  })

  it('keeps a header change no object reads: a linker script may (vmlinux.lds.h)', () => {
    // Settled before as "all 0 TU(s) ... none changed": a linker script's change reached the gate
    // as information.
    const [f] = settleByObjects(
      [finding('macro-change', 'include/asm-generic/vmlinux.lds.h')],
      one([same]),
      sets([])
    )
    expect(f.severity).toBe('unresolved')
  })

  it('settles an #include or #if change of a .c when every reader kept its code', () => {
    const source = settleByObjects(
      [finding('include-change', same.tu), finding('preprocessor-change', same.tu)],
      one([same]),
      sets([same.tu])
    )
    expect(source.map(f => f.severity)).toEqual(['info', 'info'])
    expect(source[0].message).toMatch(/all 1 TU\(s\) that read/)
    // Another TU that includes the .c was not compared.
    const includer = settleByObjects(
      [finding('include-change', same.tu)],
      one([same]),
      sets([same.tu, 'kernel/sched/build_policy.c'])
    )
    expect(includer[0].severity).toBe('unresolved')
    // A `.c` doubt of another kind (a table entry, a parameter) is not about code.
    const param = settleByObjects(
      [finding('module-param-change', same.tu)],
      one([same]),
      sets([same.tu])
    )
    expect(param[0].severity).toBe('unresolved')
  })

  it('settles an #include change whose readers changed, each comparison accounting for all', () => {
    // kernel/audit.c's `#include <net/ip.h>` beside its fix: the functions that changed are the
    // entries, the changed data objects their own findings; nothing else can hide there.
    const doubts = [
      finding('include-change', codeChanged.tu),
      finding('include-change', 'include/x.h')
    ]
    // inline-stop's fix writes lookup1, a global function, in its own text.
    const found = settleByObjects(
      doubts,
      one([codeChanged, dataChanged]),
      sets([codeChanged.tu, dataChanged.tu]),
      new Set(['lookup1'])
    )
    expect(found.map(f => f.severity)).toEqual(['info', 'info'])
    // A hostile review's case (this session): the include's macro re-lays out a struct, so
    // functions the fix does not touch change (`found`): a layout no replacement carries.
    const relaid = settleByObjects(
      doubts,
      one([codeChanged, dataChanged]),
      sets([codeChanged.tu, dataChanged.tu]),
      new Set(['lookup1']),
      new Set([`x86_64\0${codeChanged.tu}`])
    )
    expect(relaid.map(f => f.severity)).toEqual(['unresolved', 'unresolved'])
    expect(found[0].message).toMatch(
      /all 2 TU\(s\) that read .* were recompiled and compared: each function of theirs whose code changed is one the fix's own lines predicted, and listed/
    )
  })

  it('keeps it when the comparison leaves a difference without a voice', () => {
    const doubts = [finding('include-change', codeChanged.tu)]
    const keptWith = (o: ObjectComparison, own = new Set(['lookup1'])): string =>
      settleByObjects(doubts, one([o]), sets([o.tu]), own)[0].severity
    // A section the comparison could not read.
    const object = {
      kind: 'object-compare' as const,
      severity: 'unresolved' as const,
      message: 'x'
    }
    expect(keptWith({ ...codeChanged, findings: [object] })).toBe('unresolved')
    // The hostile reviews' cases (twenty-sixth session), on real objects: the include redefines
    // a macro a top-level asm() spells, in a thunk a label without a type holds or in one after
    // an assembler-local label only, or adds a PCI fixup entry no label names: each a comparison
    // finding of its own.
    expect(keptWith(asmLabels)).toBe('unresolved')
    expect(keptWith(asmUnowned)).toBe('unresolved')
    // An #if the include flips adds an __init function and its initcall entry (a label the
    // kernel writes in asm): the entry has its own finding, so the include says nothing more.
    const initcall = {
      name: '__initcall__kmod_x__1_2_quirk_init7',
      kind: 'data' as const,
      dataClass: 'init-only' as const,
      verdict: 'added' as const
    }
    const quirk = { name: 'quirk_init', kind: 'function' as const, verdict: 'added' as const }
    const withEntry = { ...codeChanged, symbols: [...codeChanged.symbols, quirk, initcall] }
    expect(keptWith(withEntry)).toBe('info')
    // A data object only the patched build has, which no finding voices: whose is it?
    const fresh = { ...initcall, name: 'quirk_table', dataClass: 'global' as const }
    expect(keptWith({ ...codeChanged, symbols: [...codeChanged.symbols, fresh] })).toBe(
      'unresolved'
    )
    // inline-stop's out-of-line copy (`added`: GCC stopped inlining it) is its callers'.
    expect(codeChanged.symbols.some(s => s.name === 'compute_score' && s.verdict === 'added')).toBe(
      true
    )
    expect(keptWith(codeChanged)).toBe('info')
    // A hostile review's case (this session): a global definition the diff does not write comes
    // or goes (an #if the include flips defines a strong arch_foo over another file's __weak
    // one, whose callers change in no object): here, lookup1 as if the diff had not written it.
    expect(keptWith(codeChanged, new Set())).toBe('unresolved')
    const gone = { name: 'arch_foo', kind: 'function' as const, verdict: 'removed' as const }
    expect(keptWith({ ...codeChanged, symbols: [...codeChanged.symbols, gone] })).toBe('info')
    expect(
      keptWith({ ...codeChanged, symbols: [...codeChanged.symbols, { ...gone, bind: 'GLOBAL' }] })
    ).toBe('unresolved')
  })

  it('keeps an #if change whose readers changed: the branch can hold asm no symbol names', () => {
    // A hostile review's case: `#ifdef CONFIG_FAST` -> `#ifndef` switches two top-level asm()
    // thunks (`mov $2` -> `mov $1`, no symbol type or size) beside an inline a function uses.
    const [f] = settleByObjects(
      [finding('preprocessor-change', codeChanged.tu)],
      one([codeChanged]),
      sets([codeChanged.tu])
    )
    expect(f.severity).toBe('unresolved')
    for (const kind of ['type-change', 'macro-change', 'global-change'] as const) {
      const [g] = settleByObjects(
        [finding(kind, 'include/x.h')],
        one([codeChanged]),
        sets([codeChanged.tu])
      )
      expect(g.severity).toBe('unresolved')
    }
  })

  it('keeps lines the mapper could not place: a top-level asm() writes data no symbol holds', () => {
    // A hostile review's case: `asm(".pushsection .rodata.quirks ... .long 0x10")` -> 0x20, every
    // symbol of the object unchanged, the linked image's table changed.
    const found = settleByObjects(
      [finding('unmapped-hunk', same.tu), finding('unmapped-hunk', 'include/quirk.h')],
      one([same]),
      sets([same.tu])
    )
    expect(found.map(f => f.severity)).toEqual(['unresolved', 'unresolved'])
  })

  it('keeps any doubt of a header a linker script reads: no object shows a link', () => {
    const linked: ReadersOf[] = [
      { label: 'x86_64', readers: () => [same.tu], linkers: () => ['arch/x86/kernel/vmlinux.lds'] }
    ]
    const found = settleByObjects(
      [
        finding('include-change', 'arch/x86/include/asm/cache.h'),
        finding('preprocessor-change', 'arch/x86/include/asm/cache.h'),
        // asm/vvar.h: its DECLARE_VVAR lines are script text when vmlinux.lds.S includes it.
        finding('global-change', 'arch/x86/include/asm/cache.h'),
        finding('macro-change', 'arch/x86/include/asm/cache.h')
      ],
      one([same]),
      linked
    )
    expect(found.map(f => f.severity)).toEqual([
      'unresolved',
      'unresolved',
      'unresolved',
      'unresolved'
    ])
  })

  it('leaves findings alone without objects', () => {
    const f = finding('no-dump', 'flags.c')
    expect(settleByObjects([f], [{ label: 'x86_64' }], sets([]))[0]).toBe(f)
  })
})
