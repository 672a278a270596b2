import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { compareObjectPairs } from '../../../src/adapters/objects/pairs.js'
import { readObject, ReadelfMissingError } from '../../../src/adapters/objects/readelf.js'
import { OBJECT_CASES, hasTool } from '../../core/objects/object-fixtures.js'

const withReadelf = hasTool('readelf') ? describe : describe.skip

function place(root: string, path: string, from: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  copyFileSync(from, join(root, path))
}

withReadelf('compareObjectPairs', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'klp-pairs-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('pairs objects by repository path and names the TU by its source', async () => {
    const [pre, post] = [join(dir, 'pre'), join(dir, 'post')]
    place(pre, 'net/ipv4/msg.o', join(OBJECT_CASES, 'string-literal/pre/msg.o'))
    place(pre, 'lib/params.o', join(OBJECT_CASES, 'data-init/pre/params.o'))
    place(post, 'net/ipv4/msg.o', join(OBJECT_CASES, 'string-literal/post/msg.o'))
    // Rebuilt after the fix but absent from the base: nothing to compare with.
    place(post, 'lib/idle.o', join(OBJECT_CASES, 'section-move/post/idle.o'))
    const out = await compareObjectPairs(pre, post, () => false)
    expect(out.map(c => c.tu)).toEqual(['lib/idle.c', 'net/ipv4/msg.c'])
    expect(out[0].findings).toEqual([
      expect.objectContaining({
        kind: 'object-compare',
        severity: 'unresolved',
        file: 'lib/idle.o'
      })
    ])
    expect(out[1].symbols.map(s => `${s.name} ${s.verdict}`)).toEqual([
      'bye unchanged',
      'hello changed'
    ])
  })

  it('turns an unreadable object into a finding', async () => {
    const [pre, post] = [join(dir, 'pre'), join(dir, 'post')]
    place(pre, 'a.o', join(OBJECT_CASES, 'string-literal/pre/msg.c'))
    place(post, 'a.o', join(OBJECT_CASES, 'string-literal/post/msg.o'))
    const [c] = await compareObjectPairs(pre, post, () => false)
    expect(c.findings[0]).toMatchObject({
      kind: 'object-compare',
      severity: 'unresolved',
      file: 'a.o'
    })
  })

  it('says clearly when readelf is missing', async () => {
    const saved = process.env.READELF
    process.env.READELF = join(dir, 'no-such-readelf')
    try {
      await expect(readObject(join(OBJECT_CASES, 'data-init/pre/params.o'))).rejects.toThrow(
        ReadelfMissingError
      )
      await expect(readObject(join(OBJECT_CASES, 'data-init/pre/params.o'))).rejects.toThrow(
        /needs binutils' readelf/
      )
    } finally {
      if (saved === undefined) delete process.env.READELF
      else process.env.READELF = saved
    }
  })
})
