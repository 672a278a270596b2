import { jest } from '@jest/globals'
import * as realFs from 'node:fs'
import { join } from 'node:path'
import type { StatSyncOptions } from 'node:fs'
import { tempDir } from '../../helpers/temp-dir.js'

/**
 * Inodes past 2^53, as overlayfs with `xino` gives a lower layer's files (from 2^63 up): a plain
 * stat's double cannot tell two of them apart. Modelled here: each file's inode is 2^63 plus a
 * small number of its own, which only a 64-bit stat reports exactly (Node fills those through a
 * signed 64-bit array: from 2^63 up they read negative).
 */
const huge = new Map<string, bigint>()
let bigStats = 0

jest.unstable_mockModule('node:fs', () => {
  function statSync(path: realFs.PathLike, options?: StatSyncOptions): unknown {
    const st = realFs.statSync(path, options)
    const ino = huge.get(String(path))
    if (ino === undefined || st === undefined) return st
    if (options?.bigint) bigStats++
    return Object.assign(Object.create(Object.getPrototypeOf(st) as object) as object, st, {
      ino: options?.bigint ? ino : Number(ino)
    })
  }
  return { ...realFs, default: { ...realFs, statSync }, statSync }
})

const { currentStatKey } = await import('../../../src/adapters/fs/stat-key.js')

describe('stat keys', () => {
  const dir = tempDir('klp-stat-key-')
  const a = join(dir, 'a.c.000i.ipa-clones')
  const b = join(dir, 'b.c.000i.ipa-clones')
  realFs.writeFileSync(a, 'x')
  realFs.writeFileSync(b, 'y')

  it('hold the inode exactly where a double cannot (one 64-bit stat more for such a file)', () => {
    huge.set(a, BigInt.asIntN(64, 2n ** 63n + 1n))
    huge.set(b, BigInt.asIntN(64, 2n ** 63n + 2n))
    try {
      // The two doubles are one number: keys from them alone would differ only by chance.
      expect(Number(huge.get(a))).toBe(Number(huge.get(b)))
      const ka = currentStatKey(a, 0) as string
      const kb = currentStatKey(b, 0) as string
      expect(ka.split(':')[1]).toBe(String(huge.get(a)))
      expect(kb.split(':')[1]).toBe(String(huge.get(b)))
      expect(ka).not.toBe(kb)
      expect(bigStats).toBe(2)
    } finally {
      huge.clear()
    }
  })

  it('take one plain stat where the inode fits', () => {
    bigStats = 0
    const key = currentStatKey(a, 0) as string
    const st = realFs.statSync(a, { bigint: true })
    expect(key.split(':').slice(0, 3)).toEqual([String(st.dev), String(st.ino), String(st.size)])
    expect(bigStats).toBe(0)
    // Inside the stable window (the file was just written): no key.
    expect(currentStatKey(a, 60_000)).toBeUndefined()
  })
})
