import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { writeAll } from '../../src/cli/write-pieces.js'
import { tempDir } from '../helpers/temp-dir.js'

describe('writeAll', () => {
  it('writes a whole chunk through writes that each take only a few bytes', () => {
    const file = join(tempDir('klp-write-'), 'out.txt')
    const fd = openSync(file, 'w')
    const text = `${'é'.repeat(1000)} result: PASS\n`
    let calls = 0
    try {
      writeAll(fd, text, (f, b, at, n) => {
        calls++
        return writeSync(f, b, at, Math.min(n, 7))
      })
    } finally {
      closeSync(fd)
    }
    expect(readFileSync(file, 'utf8')).toBe(text)
    expect(calls).toBe(Math.ceil(Buffer.byteLength(text) / 7))
  })

  it('fails with the write error rather than stopping short', () => {
    const file = join(tempDir('klp-write-'), 'out.txt')
    const fd = openSync(file, 'w')
    try {
      let first = true
      expect(() =>
        writeAll(fd, 'abcdef', (f, b, at) => {
          if (!first)
            throw Object.assign(new Error('EFBIG: file too large, write'), { code: 'EFBIG' })
          first = false
          return writeSync(f, b, at, 2)
        })
      ).toThrow(/EFBIG/)
    } finally {
      closeSync(fd)
    }
    expect(readFileSync(file, 'utf8')).toBe('ab')
  })
})
