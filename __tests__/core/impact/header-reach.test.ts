import type { Report } from '../../../src/core/model.js'
import { runFixture } from './fixture-run.js'

/**
 * Real GCC fixture: include/ring.h widens core.b (short -> int), so core.d and core.p move. struct
 * ring holds a core inside an anonymous union, struct sock_x holds two rings (tx and flags move),
 * struct owner points to cores. lib/u.c reaches them without spelling the changed type: through
 * the accessor sk_x(), a pointer member (o->cp->d), indexing a pointer member (&o->arr[i]) and a
 * holding member (r->core.d). u_call calls rd_d, which GCC made rd_d.isra.0 (IPA-SRA: it takes
 * c->d, loaded by the caller). Compiled both ways, u_flags, u_ptr, u_index, u_ring and u_call
 * change; u_head (rx.head keeps its offset), u_a (core.a does not move) and rd_d.isra.0 do not.
 */
const run = (): Promise<Report> => runFixture('header-reach', ['missing'])

describe('layout reach without the type spelled (real GCC: fixtures/gcc/header-reach)', () => {
  it('lists every function whose code GCC changed, with the root and its clone', async () => {
    const r = await run()
    const layout = r.affected
      .filter(a => a.tier === 'layout')
      .map(a => `${a.name}: ${a.chain.map(s => s.reason ?? s.kind).join(' > ')}`)
      .sort()
    expect(layout).toEqual([
      'rd_d.isra.0: touches moved members of struct core > isra',
      'rd_d: touches moved members of struct core',
      'u_call: touches moved members of struct core > isra > caller-of',
      'u_flags: touches moved members of struct sock_x',
      'u_index: uses the size of struct core (through .arr)',
      'u_ptr: touches moved members of struct core (through .cp)',
      'u_ring: touches moved members of struct core (through .core)'
    ])
  })

  it('follows the holding types, a forward declaration notwithstanding', async () => {
    const r = await run()
    const types = r.findings
      .filter(f => f.kind === 'type-change')
      .map(f => f.message.split(';')[0])
      .sort()
    expect(types).toEqual([
      'struct core: b inserted, removed or resized: b, d, p move (exact x86_64 layout: the other members keep their offsets)',
      'struct ring: core (holds struct core) resized: its size changes',
      'struct sock_x: rx (holds struct ring) inserted, removed or resized: tx, flags move'
    ])
  })
})
