import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeSourceReader } from '../../../src/adapters/fs/source-tree.js'

describe('makeSourceReader', () => {
  let root: string
  beforeAll(() => {
    const base = mkdtempSync(join(tmpdir(), 'klp-src-'))
    root = join(base, 'linux')
    mkdirSync(join(root, 'net/ipv4'), { recursive: true })
    writeFileSync(join(root, 'net/ipv4/tcp.c'), 'int x;\n')
    writeFileSync(join(base, 'secret'), 'outside')
  })
  afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }))

  it('reads repo-relative files and answers null when absent', async () => {
    const r = makeSourceReader(root)
    expect(await r.read('net/ipv4/tcp.c')).toBe('int x;\n')
    expect(await r.read('./net//ipv4/tcp.c')).toBe('int x;\n')
    expect(await r.read('net/ipv4/udp.c')).toBeNull()
    expect(await r.read('net/ipv4')).toBeNull()
    expect(r.exists('net/ipv4/tcp.c')).toBe(true)
    expect(r.exists('net/ipv4')).toBe(false)
    expect(r.exists('net/ipv4/udp.c')).toBe(false)
  })

  it('never reads outside the tree', async () => {
    const r = makeSourceReader(root)
    expect(await r.read('../secret')).toBeNull()
    expect(await r.read('net/../../secret')).toBeNull()
    expect(r.exists('../secret')).toBe(false)
  })
})
