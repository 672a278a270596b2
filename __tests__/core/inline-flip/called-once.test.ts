import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { mapChanges } from '../../../src/core/diff/map.js'
import { parsePatch } from '../../../src/core/diff/patch.js'
import { computeAffected } from '../../../src/core/graph/affected.js'
import { calledOnceFlips } from '../../../src/core/inline-flip/called-once.js'
import { FIXTURES, loadDir } from '../dumps/load-fixture.js'

// Real GCC (fixtures/gcc/called-once): compute_score, static and called once, is inlined into
// udp4_lib_lookup2 and removed; fix.patch adds udp4_lib_lookup1 calling it. Rebuilt with the fix
// (checked with objdump when the fixture was made), GCC keeps compute_score out of line and
// udp4_lib_lookup2's machine code changes, though no line of it does.
const dir = join(FIXTURES, 'called-once')
let parser: Parser
beforeAll(async () => {
  parser = await loadCParser()
})

function mapped() {
  const { files } = parsePatch(readFileSync(join(dir, 'fix.patch'), 'utf8'), 1)
  const oldText = readFileSync(join(dir, 'net/udp.c'), 'utf8')
  return mapChanges(parser, [{ patch: files[0], path: 'net/udp.c', oldText, newText: null }])
}

describe('a static inlined into its only caller gains a call (inline-flip/)', () => {
  it('the mapper lists the calls the changed and added functions gain', () => {
    const m = mapped()
    expect(m.changed.map(c => `${c.name} ${c.change}`)).toEqual(['udp4_lib_lookup1 added'])
    expect(m.newCalls).toEqual([
      { file: 'net/udp.c', caller: 'udp4_lib_lookup1', callee: 'compute_score' }
    ])
  })

  it('puts that only caller up for review, with the decision GCC may take again', () => {
    const m = mapped()
    const set = loadDir(dir, 'x86_64')
    const { affected } = computeAffected(set, m.changed, { newCalls: m.newCalls })
    expect(affected).toEqual([
      expect.objectContaining({
        name: 'udp4_lib_lookup2',
        tu: 'net/udp.c',
        tier: 'review',
        origin: 'udp4_lib_lookup1',
        chain: [
          { kind: 'changed', name: 'udp4_lib_lookup1' },
          expect.objectContaining({ kind: 'gcc-decision', name: 'compute_score' })
        ]
      })
    ])
    // Without the new calls, an added function affects nothing.
    expect(computeAffected(set, m.changed).affected).toEqual([])
  })

  it('leaves alone a callee the new caller already contains, one not in the dump, a macro', () => {
    const g = loadDir(dir, 'x86_64').graph('net/udp.c')
    if (!g) throw new Error('no graph')
    const call = (caller: string, callee: string) => ({ file: 'net/udp.c', caller, callee })
    expect(
      calledOnceFlips(g, [
        call('udp4_lib_lookup2', 'compute_score'),
        call('udp_rcv', 'udp4_lib_lookup2'),
        call('udp_rcv', 'READ_ONCE'),
        call('udp_rcv', 'compute_score')
      ]).map(f => `${f.call.caller}->${f.call.callee} in ${g.name(f.container)}`)
    ).toEqual(['udp_rcv->compute_score in udp4_lib_lookup2'])
  })
})

describe('new calls in a header (a static inline gaining a call)', () => {
  it('are left alone: a focused set is not asked about the header', () => {
    // Loaded as analyze loads it: focused on the changed names and `.c` files only.
    const set = loadDir(dir, 'x86_64', '', { names: new Set(['helper']), files: new Set() })
    const header = { file: 'include/net/tcp.h', caller: 'tcp_helper', callee: 'compute_score' }
    expect(computeAffected(set, [], { newCalls: [header] }).affected).toEqual([])
  })
})
