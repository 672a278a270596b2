import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Collector } from '../../../src/adapters/fs/collector.js'
import { LIMITS } from '../../../src/adapters/fs/limits.js'
import { readTar } from '../../../src/adapters/fs/read-tar.js'
import { readZip } from '../../../src/adapters/fs/read-zip.js'
import { writeTar, zipBytes } from './archives.js'
import { tempDir } from '../../helpers/temp-dir.js'

class FakeSet {
  readonly dumps = new Map<string, string>()
  addDump(path: string, text: string): void {
    this.dumps.set(path, text)
  }
}

const dump = (i: number): [string, string] => [
  `lib/f${i}.c.000i.ipa-clones`,
  `Callgraph removal;f${i};1;lib/f${i}.c;1;1\n`.padEnd(100, '\n')
]
const three = Object.fromEntries([0, 1, 2].map(dump))
const small = { entries: 100, totalBytes: 1e9, entryBytes: 1e9, heldBytes: 250 }

let tmp: string
beforeAll(() => {
  tmp = tempDir('klp-archive-memory-')
})

function collector(path: string): { c: Collector; set: FakeSet } {
  const set = new FakeSet()
  const c = new Collector('s', set)
  c.beginInput(path)
  return { c, set }
}

/** Offsets of the central directory entries of a zip without zip64 or a comment. */
function centralEntries(zip: Buffer): number[] {
  const eocd = zip.length - 22
  expect(zip.readUInt32LE(eocd)).toBe(0x06054b50)
  const out: number[] = []
  let at = zip.readUInt32LE(eocd + 16)
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    out.push(at)
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  return out
}

describe('archive memory: what is held, not only what is read', () => {
  it('keeps every entry well under the V8 string length limit', () => {
    expect(LIMITS.entryBytes).toBeLessThan(2 ** 29 - 24)
  })

  it('zip: entries past the held budget are refused, the ones before kept', async () => {
    const path = join(tmp, 'held.zip')
    writeFileSync(path, zipBytes(three))
    const { c, set } = collector(path)
    await readZip(path, c, small)
    expect([...set.dumps.keys()].sort()).toEqual([
      'lib/f0.c.000i.ipa-clones',
      'lib/f1.c.000i.ipa-clones'
    ])
    const refused = c.findings.filter(f => f.kind === 'archive-refused')
    expect(refused.map(f => f.file)).toEqual(['lib/f2.c.000i.ipa-clones'])
    expect(refused[0].message).toMatch(/more than 250 bytes of this archive in memory/)
  })

  it('tar: the same budget', async () => {
    const path = join(tmp, 'held.tar')
    await writeTar(
      path,
      Object.entries(three).map(([name, body]) => ({ name, body })),
      false
    )
    const { c, set } = collector(path)
    await readTar(path, 'tar', c, small)
    expect(set.dumps.size).toBe(2)
    expect(c.findings.map(f => [f.kind, f.file])).toEqual([
      ['archive-refused', 'lib/f2.c.000i.ipa-clones']
    ])
  })

  it('zip: entries whose data overlap are refused as a whole, as unzip does', async () => {
    const zip = Buffer.from(zipBytes(three))
    const [first, second] = centralEntries(zip)
    // The second entry now points at the first one's local header: one stream, read twice.
    zip.writeUInt32LE(zip.readUInt32LE(first + 42), second + 42)
    const path = join(tmp, 'overlap.zip')
    writeFileSync(path, zip)
    const { c, set } = collector(path)
    await expect(readZip(path, c)).rejects.toThrow(/overlap.*possible zip bomb/)
    expect(set.dumps.size).toBe(0)
  })

  it('zip: a well-formed archive is not taken for overlapping', async () => {
    const path = join(tmp, 'fine.zip')
    writeFileSync(path, zipBytes(three))
    const { c, set } = collector(path)
    await readZip(path, c)
    expect(set.dumps.size).toBe(3)
    expect(c.findings).toEqual([])
  })
})
