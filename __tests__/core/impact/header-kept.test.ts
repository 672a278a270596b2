import type { Report } from '../../../src/core/model.js'
import { runFixture } from './fixture-run.js'

/**
 * Real GCC fixture: include/dev.h's struct dev gets a member under an #ifdef its .config leaves
 * unset, an 8-bit enum bitfield becomes a u8, `long` becomes a typedef of long, and a function
 * pointer member takes a long instead of an int; an anonymous enum gets an enumerator before its
 * max, and a new struct is added. Only d_call (calls through the retyped member) and d_max (uses
 * the renumbered max) can change.
 */
const run = (): Promise<Report> => runFixture('header-kept', ['missing', 'unresolved'])

const findings = (r: Report): string[] =>
  r.findings
    .filter(f => f.kind === 'type-change' || f.kind === 'global-change')
    .map(f => `${f.severity} ${f.message}`)

describe('type changes that keep the layout (real GCC: fixtures/gcc/header-kept)', () => {
  it('lays the struct out as the .config builds it, and requires only what can change', async () => {
    const r = await run()
    expect(findings(r)).toEqual([
      'warning enum { ATTR_UNSPEC, ... }: ATTR_ID renumbers __ATTR_MAX; 1 function use them and are required. Values the running kernel already stored keep the old numbering.',
      'warning struct dev: every existing member keeps its offset and width (op change type), size 32 and alignment 8 are kept (x86_64 layout): only code touching op can change; 1 function touch op and are required.',
      'info struct dev_stats is new in this header: code built before the fix cannot use it, so no existing code changes'
    ])
    expect(r.affected.map(a => `${a.name} ${a.tier}`).sort()).toEqual([
      'd_call required',
      'd_max required'
    ])
    // The mapper's opaque findings for these types are answered.
    expect(r.findings.filter(f => f.message.includes('data layout change'))).toEqual([])
  })
})
