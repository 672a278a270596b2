import type { Report } from '../../../src/core/model.js'
import { runFixture } from './fixture-run.js'

/**
 * Real GCC fixture: include/lib/st.h's `int hits` becomes `unsigned int hits` in place. y_direct
 * reads it through `struct stats *` (the type reaches it), x_ratio through the global `struct
 * stats g_stats` (declared with the type), and y_shift through a call's result, which spells no
 * type on the way; the code of all three changes (a division and a shift of a signed value become
 * unsigned ones).
 */
const run = (): Promise<Report> => runFixture('header-retyped', ['missing', 'unresolved'])

describe('a member retyped in place (real GCC: fixtures/gcc/header-retyped)', () => {
  it('requires the users the type and its globals reach, and leaves the others unresolved by name', async () => {
    const r = await run()
    expect(r.affected.map(a => a.name)).toEqual(['x_ratio', 'y_direct'])
    const f = r.findings.find(x => x.kind === 'type-change')
    expect(f?.severity).toBe('unresolved')
    expect(f?.message).toMatch(
      /2 functions touch hits and are required\. 1 other function accesses hits through no spelling of the type .*: y_shift; review them/
    )
    expect(r.result).toBe('fail')
  })
})
