import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GRAPHS_FOLDER, openGraphCache } from '../../../src/adapters/fs/graph-cache.js'
import { readDigest } from '../../../src/adapters/fs/scan-indexed.js'
import { currentStatKey } from '../../../src/adapters/fs/stat-key.js'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'klp-graph-cache-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** A dump digest as the scan index gives it: SHA-256, base64. */
const digestOf = (text: string): string => createHash('sha256').update(text).digest('base64')

function files(): string[] {
  return readdirSync(join(dir, GRAPHS_FOLDER), { recursive: true, withFileTypes: true })
    .filter(e => e.isFile())
    .map(e => join(e.parentPath, e.name))
}

describe('openGraphCache', () => {
  it('answers a later run by the dump digest, in a file named by its hex form', () => {
    const a = digestOf('dump a')
    const first = openGraphCache(dir)
    expect(first.store.get(a)).toBeUndefined()
    first.store.set(a, '{"graph":"a"}')
    expect(first.flush()).toEqual([])
    const hex = Buffer.from(a, 'base64').toString('hex')
    expect(files().map(f => f.slice(-64))).toEqual([hex])
    const second = openGraphCache(dir)
    expect(second.store.get(a)).toBe('{"graph":"a"}')
    expect(second.store.get(digestOf('dump b'))).toBeUndefined()
    expect(second.hits).toBe(1)
  })

  it('keeps nothing under a key that is not a SHA-256 in base64', () => {
    const cache = openGraphCache(dir)
    for (const key of ['../../x', 'abc', `${digestOf('a').slice(0, -1)}/`]) {
      cache.store.set(key, 'x')
      expect(cache.store.get(key)).toBeUndefined()
    }
    expect(cache.made).toBe(0)
  })

  it('does not read an edited file, and says so in its own words', () => {
    const a = digestOf('dump a')
    const first = openGraphCache(dir)
    first.store.set(a, '{"graph":"a"}')
    first.flush()
    const [file] = files()
    writeFileSync(file, readFileSync(file, 'utf8').replace('"a"', '"b"'))
    const second = openGraphCache(dir)
    expect(second.store.get(a)).toBeUndefined()
    const [note] = second.flush()
    expect(note).toMatchObject({ kind: 'parse-cache', severity: 'info' })
    expect(note.message).toMatch(
      /^graph cache: 1 cached dump graph\(s\) .* the dumps were read again/
    )
  })
})

describe('readDigest', () => {
  it('hashes the bytes read when the stat after the read is not the one before', () => {
    const file = join(dir, 'a.c.000i.ipa-clones')
    writeFileSync(file, 'new bytes')
    const bytes = readFileSync(file)
    // A change time within the current millisecond is too recent even with no window (its
    // fraction is past Date.now()'s whole milliseconds): this flaked on a fast run.
    const changed = statSync(file).ctimeMs
    while (Date.now() <= changed) {
      /* wait out the millisecond */
    }
    const before = currentStatKey(file, 0)
    expect(before).toBeDefined()
    // The same stat: the entry's digest stands for the bytes.
    expect(readDigest(file, before, 'entry digest', bytes, 0)).toBe('entry digest')
    // Another stat (the file was written between the stat and the read): the bytes' own digest.
    expect(readDigest(file, `${before}x`, 'entry digest', bytes, 0)).toBe(
      createHash('sha256').update('new bytes').digest('base64')
    )
  })
})
