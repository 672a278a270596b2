import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readBytes } from '../../../src/adapters/fs/dump-bytes.js'
import { lineCheck } from '../../../src/core/line-check/line-check.js'
import { tempDir } from '../../helpers/temp-dir.js'

describe('readBytes', () => {
  const dir = tempDir('klp-bytes-')
  const line = 'Callgraph removal;f;1;a.c;2;3\n'

  it('reads into the line check memory, and a dump larger than the buffer whole', () => {
    const small = join(dir, 'small.c.000i.ipa-clones')
    const big = join(dir, 'big.c.000i.ipa-clones')
    writeFileSync(small, line.repeat(10))
    writeFileSync(big, line.repeat(Math.ceil((3 << 20) / line.length)))
    const bytes = readBytes(small)
    expect(lineCheck()?.holds(bytes)).toBe(true)
    expect(bytes.toString()).toBe(line.repeat(10))
    const whole = readBytes(big)
    expect(whole.length).toBe(line.length * Math.ceil((3 << 20) / line.length))
    expect(lineCheck()?.check(whole)).toBe(whole.length / line.length)
  })

  it('reads whole after the memory grew under it (a check of bytes from elsewhere)', () => {
    const file = join(dir, 'after.c.000i.ipa-clones')
    writeFileSync(file, line.repeat(200))
    expect(readBytes(file).length).toBe(line.length * 200)
    // Bytes that are not the read buffer are copied in, growing the memory past its size.
    const elsewhere = Buffer.from(line.repeat(Math.ceil((40 << 20) / line.length)))
    expect(lineCheck()?.check(elsewhere)).toBe(elsewhere.length / line.length)
    const again = readBytes(file)
    expect(again.length).toBe(line.length * 200)
    expect(again.toString()).toBe(line.repeat(200))
  })
})
