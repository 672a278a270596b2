import { mergeExact } from '../../../src/core/exact/merge.js'
import { lineOnlyFinding } from '../../../src/core/exact/line-only.js'
import type { AffectedFunction } from '../../../src/core/model.js'
import type { ObjectComparison } from '../../../src/core/objects/model.js'
import type { DumpSet } from '../../../src/core/dumps/dump-set.js'
import { compareCase, hasTool } from '../objects/object-fixtures.js'

const withReadelf = hasTool('readelf') ? describe : describe.skip

// fixtures/gcc/objects/edited-line-only: the fix edits add_disk (a branch on a predicate this
// build compiles to 0) and get_info (a field read through a new inline helper), and adds the
// helper above both, as block/genhd.c's and net/xfrm/xfrm_user.c's stable fixes do.
const entry = (name: string): AffectedFunction => ({
  set: 'x86_64',
  name,
  tu: 'disk.c',
  object: 'vmlinux',
  tier: 'required',
  symbol: 'present',
  origin: name,
  chain: [{ kind: 'changed', name }]
})

const base = { set: { label: 'x86_64' } as DumpSet }

withReadelf('edited functions whose machine code differs in line numbers only', () => {
  let cmp: ObjectComparison
  beforeAll(async () => {
    cmp = await compareCase('edited-line-only')
  })

  it('the object comparison finds only the shifted WARN line and __LINE__ immediate', () => {
    const fn = (name: string) => cmp.symbols.find(s => s.name === name)
    expect(fn('add_disk')).toMatchObject({ verdict: 'line-only' })
    expect(fn('add_disk')?.detail).toContain('WARN/BUG line 49→57')
    expect(fn('get_info')).toMatchObject({ verdict: 'line-only' })
    expect(fn('get_info')?.detail).toContain('line 57→65')
  })

  it('leave the affected list as line-shift info findings, so the gate does not fail on them', () => {
    const result = mergeExact(
      [entry('add_disk'), entry('get_info')],
      [{ label: 'x86_64', objects: [cmp] }],
      [base],
      new Set(['disk_owner'])
    )
    expect(result.affected).toEqual([])
    const findings = result.findings.filter(f => f.kind === 'line-shift')
    expect(findings.map(f => [f.severity, f.functions])).toEqual([
      ['info', ['add_disk']],
      ['info', ['get_info']]
    ])
    expect(findings[0].message).toContain('differs in line numbers only')
    expect(result.summary).toMatchObject({ lineOnly: 2, unchanged: 0, confirmed: 0 })
  })

  it('keeps an entry whose code really changed beside them', () => {
    const changed: ObjectComparison = {
      ...cmp,
      symbols: cmp.symbols.map(s =>
        s.name === 'get_info' ? { ...s, verdict: 'changed', detail: 'bytes differ at +0x4' } : s
      )
    }
    const result = mergeExact(
      [entry('add_disk'), entry('get_info')],
      [{ label: 'x86_64', objects: [changed] }],
      [base],
      new Set()
    )
    expect(result.affected.map(a => [a.name, a.tier, a.exact])).toEqual([
      ['get_info', 'required', 'confirmed']
    ])
  })
})

describe('lineOnlyFinding', () => {
  it('names the entry, its origin and what differs', () => {
    const f = lineOnlyFinding(
      { ...entry('acpi_ec_add'), origin: 'acpi_ec_setup' },
      {
        name: 'acpi_ec_add',
        kind: 'function',
        verdict: 'line-only',
        detail:
          'line numbers only: WARN/BUG line 1718→1730, WARN/BUG line 1720→1732 (in acpi_ec_add.cold)'
      },
      'x86_64',
      'drivers/acpi/ec.c'
    )
    expect(f).toMatchObject({
      kind: 'line-shift',
      severity: 'info',
      set: 'x86_64',
      file: 'drivers/acpi/ec.c',
      functions: ['acpi_ec_add']
    })
    expect(f.message).toBe(
      'acpi_ec_add: predicted from the dumps (from acpi_ec_setup), but in the patched build its machine code differs in line numbers only (WARN/BUG line 1718→1730, WARN/BUG line 1720→1732 (in acpi_ec_add.cold)); livepatch tools treat this as a line-only change (no need to replace it)'
    )
  })
})
