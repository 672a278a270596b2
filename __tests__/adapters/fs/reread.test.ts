import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rereadFrom } from '../../../src/adapters/fs/reread.js'

describe('rereadFrom', () => {
  const dir = mkdtempSync(join(tmpdir(), 'klp-reread-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('gives back the text first read, and refuses a file that changed since', () => {
    const file = join(dir, 'a.c.000i.ipa-clones')
    const text = 'Callgraph removal;f;1;a.c;1;1\n'
    writeFileSync(file, '\ufeff' + text)
    const again = rereadFrom(file, 'a.c.000i.ipa-clones')(text)
    expect(again()).toBe(text)
    // Same length, other content: a rebuild between the two reads.
    writeFileSync(file, text.replace('f;1', 'g;1'))
    expect(() => again()).toThrow(/a\.c\.000i\.ipa-clones changed on disk/)
  })
})
