import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { FileScanner } from '../../../src/adapters/fs/scan-file.js'
import { scanTuGraph } from '../../../src/core/dumps/compact-graph.js'
import { FIXTURES } from '../../core/dumps/load-fixture.js'

describe('FileScanner, a kept dump', () => {
  const dir = join(FIXTURES, 'header-inline/lib')
  const kept = 'consumer.c.000i.ipa-clones'
  const text = readFileSync(join(dir, kept), 'utf8')
  const spec = { label: 's', focus: { names: ['ring_used'], files: [] } }
  const scan = (share: number, abs = join(dir, kept)): ReturnType<FileScanner['scan']> =>
    new FileScanner({ ...spec, share }).scan({ abs, path: abs.slice(FIXTURES.length + 1) })

  it('goes back as its graph, and what checks a re-read of its text, while the share lasts', () => {
    const r = scan(1 << 20)
    if (!('scanned' in r)) throw new Error('not scanned')
    expect(r.scanned.kept).toBe(true)
    expect(r.scanned.text).toBe('')
    expect(r.bytes).toBeUndefined()
    expect(r.graph).toEqual(scanTuGraph(text))
    expect(r.graph?.names).toContain('ring_used')
    expect(r.spilled).toEqual({ length: Buffer.byteLength(text), crc: crc32(text) })
  })

  it('past its share, as what checks a re-read alone (the set re-reads and parses)', () => {
    const r = scan(10)
    if (!('scanned' in r)) throw new Error('not scanned')
    expect(r.scanned.kept).toBe(true)
    expect(r.bytes).toBeUndefined()
    expect(r.graph).toBeUndefined()
    expect(r.spilled?.length).toBe(Buffer.byteLength(text))
  })

  it('without a focus, as its bytes (the set answers its name lookups from the text)', () => {
    const abs = join(dir, kept)
    const r = new FileScanner({ label: 's', share: 1 << 20 }).scan({
      abs,
      path: abs.slice(FIXTURES.length + 1)
    })
    if (!('scanned' in r)) throw new Error('not scanned')
    expect(r.graph).toBeUndefined()
    expect(Buffer.from(r.bytes ?? []).toString('utf8')).toBe(text)
  })

  it('a dump outside the focus goes back with neither', () => {
    const r = scan(1 << 20, join(FIXTURES, 'chain/chain.c.000i.ipa-clones'))
    if (!('scanned' in r)) throw new Error('not scanned')
    expect(r.scanned.kept).toBe(false)
    expect(r.bytes).toBeUndefined()
    expect(r.graph).toBeUndefined()
  })
})

describe('FileScanner, a dump that cannot be read', () => {
  it('is worded alike with and without the scan index (the read, not the stat, says why)', () => {
    const abs = join(FIXTURES, 'chain/gone.c.000i.ipa-clones')
    const f = { abs, path: 'chain/gone.c.000i.ipa-clones' }
    const spec = { label: 's', focus: { names: ['x'], files: [] } }
    const cold = new FileScanner(spec).scan(f)
    const warm = new FileScanner({ ...spec, index: true, stableMs: 0 }).scan(f)
    expect(cold).toEqual({ error: expect.stringMatching(/^ENOENT: .*, open '/) as unknown })
    expect(warm).toEqual(cold)
  })
})
