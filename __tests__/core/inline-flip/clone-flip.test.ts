import { join } from 'node:path'
import { FIXTURES } from '../dumps/load-fixture.js'
import { runFixture } from '../../helpers/fixture-run.js'

/**
 * Real GCC fixture: flip.c's map (noinline) is called by add_split and add_packed with dir = 1,
 * and GCC makes map.constprop.0 for them. The fix adds dma_map, calling map with another dir:
 * GCC drops the clone, and add_split and add_packed change (objdump -dr with function sections:
 * both differ, `other` does not). The dumps before the fix cannot show it: both are up for review.
 */
const DIR = join(FIXTURES, 'clone-flip')

describe('a new call to a function GCC specialised as constprop (real GCC)', () => {
  it('puts the clone callers up for review, with the decision in the chain', async () => {
    const r = await runFixture(DIR)
    const review = r.affected.filter(a => a.tier === 'review')
    expect(
      review.map(a => `${a.name}: ${a.chain.map(s => `${s.kind} ${s.name}`).join(' > ')}`)
    ).toEqual([
      'add_packed: changed dma_map > gcc-decision map.constprop.0 > caller-of add_packed',
      'add_split: changed dma_map > gcc-decision map.constprop.0 > caller-of add_split'
    ])
    expect(review[0].chain[1].reason).toMatch(
      /^GCC specialised map as map\.constprop\.0 for the calls it saw; dma_map now calls map too/
    )
    expect(r.affected.some(a => a.name === 'other')).toBe(false)
  })
})
