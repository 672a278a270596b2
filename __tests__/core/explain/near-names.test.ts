import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
import { NearNames } from '../../../src/core/explain/near-names.js'

const DUMP = resolve(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../../examples/route-flow-key/dumps/net/ipv4/route.c.000i.ipa-clones'
)

describe('NearNames', () => {
  it('offers the dump names closest to a mistyped one, closest first', () => {
    const near = new NearNames('build_flow_key')
    near.addDump('net/ipv4/route.c.000i.ipa-clones', readFileSync(DUMP, 'utf8'))
    const names = near.names()
    expect(names[0]).toBe('__build_flow_key')
    expect(names).toContain('__build_flow_key.constprop.0')
    expect(names.length).toBeLessThanOrEqual(5)
  })

  it('reads both names of a line, without GCC\u2019s `*`, and offers nothing far away', () => {
    const near = new NearNames('tcp_v4_rcv')
    near.addDump(
      'x.c.000i.ipa-clones',
      'Callgraph clone;*tcp_v4_rcvx;1;x.c;1;1;tcp_v6_rcv;2;x.c;2;2;inlining to\nCallgraph removal;unrelated_function;3;x.c;3;3\n'
    )
    expect(near.names()).toEqual(['tcp_v4_rcvx', 'tcp_v6_rcv'])
    expect(new NearNames('zzzz').names()).toEqual([])
  })
})
