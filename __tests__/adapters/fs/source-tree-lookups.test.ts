import { jest } from '@jest/globals'
import * as realFs from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../../helpers/temp-dir.js'

/** Every folder the reader resolves, as realpathSync is asked for it. */
const resolvedDirs: string[] = []

jest.unstable_mockModule('node:fs', () => {
  const realpathSync = ((p: realFs.PathLike) => {
    resolvedDirs.push(String(p))
    return realFs.realpathSync(p)
  }) as typeof realFs.realpathSync
  return { ...realFs, default: { ...realFs, realpathSync }, realpathSync }
})

const { makeSourceReader } = await import('../../../src/adapters/fs/source-tree.js')

describe('makeSourceReader, folder by folder', () => {
  it('resolves a folder once, whether the tree has it or not, and answers alike every time', () => {
    const root = join(tempDir('klp-src-dirs-'), 'linux')
    realFs.mkdirSync(join(root, 'net/ipv4'), { recursive: true })
    realFs.writeFileSync(join(root, 'net/ipv4/tcp.c'), 'int x;\n')
    realFs.writeFileSync(join(root, 'net/file'), 'not a folder\n')
    const r = makeSourceReader(root)
    for (let k = 0; k < 3; k++) {
      expect(r.readSync('net/ipv4/tcp.c')).toBe('int x;\n')
      expect(r.readSync('net/ipv4/udp.c')).toBeNull()
      expect(r.readSync('drivers/none/a.c')).toBeNull()
      expect(r.statusSync('drivers/none/b.c')).toBeNull()
      expect(r.readSync('net/file/a.c')).toBeNull()
    }
    const asked = (dir: string): number => resolvedDirs.filter(d => d === join(root, dir)).length
    expect(asked('net/ipv4')).toBe(1)
    expect(asked('drivers/none')).toBe(1)
    expect(asked('net/file')).toBe(1)
  })
})
