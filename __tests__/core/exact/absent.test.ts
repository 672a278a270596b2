import { absentFinding } from '../../../src/core/exact/absent.js'
import { mergeExact } from '../../../src/core/exact/merge.js'
import type { DumpSet } from '../../../src/core/dumps/dump-set.js'
import type { AffectedFunction } from '../../../src/core/model.js'
import type { ObjectComparison } from '../../../src/core/objects/model.js'

const entry = (name: string, exact: AffectedFunction['exact'] = 'predicted'): AffectedFunction => ({
  set: 'x86_64',
  name,
  tu: 'fs/lockd/svcsubs.c',
  object: 'vmlinux',
  tier: 'required',
  symbol: 'present',
  origin: 'nlm_close_files',
  chain: [{ kind: 'changed', name: 'nlm_close_files' }],
  exact
})

const cmp: ObjectComparison = {
  tu: 'fs/lockd/svcsubs.c',
  symbols: [
    { name: 'nlm_traverse_files', kind: 'function', verdict: 'changed' },
    { name: 'nlm_close_files.constprop.0', kind: 'function', verdict: 'removed' },
    { name: 'nlm_delete_file.part.0', kind: 'function', verdict: 'added' },
    { name: 'nlm_close_files', kind: 'data', verdict: 'unchanged' }
  ],
  findings: []
}

describe('absentFinding', () => {
  it('keeps an entry whose function both objects have', () => {
    expect(absentFinding(entry('nlm_traverse_files'), cmp, 'x86_64')).toBeUndefined()
  })

  it('drops a name no function of the object has, or one only one build has', () => {
    expect(absentFinding(entry('nlm_close_files'), cmp, 'x86_64')?.message).toMatch(
      /is no function of fs\/lockd\/svcsubs\.c's object in either build/
    )
    expect(absentFinding(entry('nlm_close_files.constprop.0'), cmp, 'x86_64')?.message).toMatch(
      /exists only in the base build/
    )
    const f = absentFinding(entry('nlm_delete_file.part.0', 'found'), cmp, 'x86_64')
    expect(f).toMatchObject({ kind: 'code-unchanged', severity: 'info' })
    expect(f?.message).toMatch(
      /^nlm_delete_file\.part\.0: named by the post-fix dumps .* only in the patched build/
    )
  })

  it('keeps the doubt of a global definition only the patched build has', () => {
    // A hostile review's case: the pre-fix text defined arch_foo under an #if it compiled out;
    // the running kernel's callers reach another file's __weak arch_foo, which is what to replace.
    const global: ObjectComparison = {
      ...cmp,
      symbols: [{ name: 'arch_foo', kind: 'function', verdict: 'added', bind: 'GLOBAL' }]
    }
    const f = absentFinding(entry('arch_foo'), global, 'x86_64')
    expect(f).toMatchObject({ kind: 'object-compare', severity: 'unresolved' })
    expect(f?.message).toContain('it is GLOBAL: the running kernel')
  })

  it('leaves entries the objects confirmed, and entries of other TUs', () => {
    expect(absentFinding(entry('nlm_close_files', 'confirmed'), cmp, 'x86_64')).toBeUndefined()
    expect(
      absentFinding({ ...entry('nlm_close_files'), tu: 'fs/lockd/host.c' }, cmp, 'x86_64')
    ).toBeUndefined()
  })
})

describe('a function the fix moves to another file', () => {
  const moved: AffectedFunction = {
    set: 'x86_64',
    name: 'parse_hdr',
    tu: 'a.c',
    object: 'vmlinux',
    tier: 'required',
    symbol: 'present',
    origin: 'parse_hdr',
    chain: [{ kind: 'changed', name: 'parse_hdr' }]
  }
  const from: ObjectComparison = {
    tu: 'a.c',
    symbols: [{ name: 'parse_hdr', kind: 'function', verdict: 'removed' }],
    findings: []
  }
  const to: ObjectComparison = {
    tu: 'b.c',
    symbols: [{ name: 'parse_hdr', kind: 'function', verdict: 'added' }],
    findings: []
  }
  const base = { set: { label: 'x86_64' } as DumpSet }

  it('stays required: the running kernel runs the old file’s copy', () => {
    const r = mergeExact([moved], [{ label: 'x86_64', objects: [from, to] }], [base], new Set())
    expect(r.affected.map(a => a.name)).toEqual(['parse_hdr'])
    expect(r.findings.find(f => f.kind === 'removed-function')?.message).toContain(
      'defined in b.c after the fix'
    )
    // Removed with no new home: its callers are what changed, as before.
    const gone = mergeExact([moved], [{ label: 'x86_64', objects: [from] }], [base], new Set())
    expect(gone.affected).toEqual([])
  })
})
