import type { Report } from '../../../src/core/model.js'
import { runFixture } from './fixture-run.js'

/**
 * Real GCC fixture: include/lib/st.h's `int hits` becomes `unsigned int hits` in place. y_direct
 * reads it through `struct stats *` (the type reaches it); x_ratio through a global and y_shift
 * through a call's result spell no type on the way, and their code changes too (a division and a
 * shift of a signed value become unsigned ones).
 */
const run = (): Promise<Report> => runFixture('header-retyped', ['missing', 'unresolved'])

describe('a member retyped in place (real GCC: fixtures/gcc/header-retyped)', () => {
  it('requires the users the type reaches, and leaves the others unresolved by name', async () => {
    const r = await run()
    expect(r.affected.map(a => a.name)).toEqual(['y_direct'])
    const f = r.findings.find(x => x.kind === 'type-change')
    expect(f?.severity).toBe('unresolved')
    expect(f?.message).toMatch(
      /2 other functions access hits through no spelling of the type .*: x_ratio, y_shift; review them/
    )
    expect(r.result).toBe('fail')
  })
})
