import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join, resolve } from 'node:path'
import { NearNames } from '../../../src/core/explain/near-names.js'
import { editDistance } from '../../../src/core/text/edit-distance.js'

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

/**
 * The string algorithm the byte search replaced: each line split at `;`, fields 1 and 6. It also
 * offered an empty name for a field that is only `*`; the byte search does not.
 */
function oracle(query: string, texts: string[]): Map<string, number> {
  const limit = Math.max(2, Math.floor(query.length / 3))
  const best = new Map<string, number>()
  for (const text of texts)
    for (const line of text.split('\n')) {
      const fields = line.split(';')
      for (const raw of [fields[1], fields[6]]) {
        if (!raw) continue
        const name = raw.startsWith('*') ? raw.slice(1) : raw
        if (name === '') continue
        if (Math.abs(name.length - query.length) > limit && !name.includes(query)) continue
        const distance = name.includes(query) ? 1 : editDistance(query, name)
        if (distance <= limit) best.set(name, distance)
      }
    }
  return best
}

function sorted(found: Iterable<[string, number]>): Array<[string, number]> {
  return [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

describe('NearNames on undecoded bytes', () => {
  const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..')
  const real = [join(ROOT, 'examples'), join(ROOT, 'fixtures/gcc')].flatMap(dir =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter(p => p.endsWith('.ipa-clones'))
      .map(p => readFileSync(join(dir, p), 'utf8'))
  )
  // What the byte shortcut must not get wrong: non-ASCII names (decoded, no shortcut), a stray
  // byte-order mark, CRLF, short lines, empty fields, `*` names, a name holding the query.
  const odd = [
    '\ufeffCallgraph clone;tcp_v4_rcv;1;x.c;1;1;tcp_v4_rcvé;2;x.c;2;2;inlining to\r\n',
    'Callgraph clone;;1;x.c;1;1;;2\nCallgraph removal;*\nCallgraph clone;*;1\n;tcp_v4_rc\n',
    'Callgraph clone;xx__build_flow_key_yy_zz_long_suffix;1;a;1;1;é_build_flow_key;2;b;2;2;r\n',
    'Callgraph clone;sk_fre\ufffd;1;a;1;1;bulid_flow_key;2;b;2;2;r\n',
    'no semicolon here\nCallgraph removal;sk_free\nCallgraph clone;sk_free;1;a;1;1;sk_free'
  ]
  const texts = [...real, ...odd]
  const queries = [
    'build_flow_key',
    'tcp_v4_rc',
    'sk_fre',
    '__skb_header_pointer',
    'ab',
    'é_build_flow_key',
    'tcp_v4_rcvé',
    'zzzz'
  ]

  it('finds what the string algorithm found, from text or bytes', () => {
    expect(real.length).toBeGreaterThan(50)
    let found = 0
    for (const q of queries) {
      const want = sorted(oracle(q, texts))
      const fromText = new NearNames(q)
      const fromBytes = new NearNames(q)
      for (const t of texts) {
        fromText.addDump('x.c.000i.ipa-clones', t)
        fromBytes.addBytes(Buffer.from(t, 'utf8'))
      }
      expect(sorted(fromText.found())).toEqual(want)
      expect(sorted(fromBytes.found())).toEqual(want)
      found += want.length
    }
    // The shortcut both rules names out and lets them through.
    expect(found).toBeGreaterThan(20)
  })

  it('split across collectors and absorbed, gives the same names', () => {
    for (const q of queries) {
      const whole = new NearNames(q)
      const parts = [new NearNames(q), new NearNames(q), new NearNames(q)]
      texts.forEach((t, i) => {
        whole.addDump('x', t)
        parts[i % 3].addDump('x', t)
      })
      const joined = new NearNames(q)
      for (const p of parts) joined.absorb(p.found())
      expect(joined.names(50)).toEqual(whole.names(50))
    }
  })
})
