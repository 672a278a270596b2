import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import {
  InputTooLarge,
  MAX_DIFF_BYTES,
  readBounded,
  readFileBounded
} from '../../src/cli/read-bounded.js'
import { tempDir } from '../helpers/temp-dir.js'

describe('bounded diff input', () => {
  it('stops reading one chunk past the limit instead of buffering everything', async () => {
    let produced = 0
    const endless = Readable.from(
      (function* () {
        // 3 GiB if read to the end.
        for (let i = 0; i < 3072; i++) {
          produced++
          yield Buffer.alloc(1 << 20, 0x2b)
        }
      })()
    )
    await expect(readBounded(endless, 'the diff on stdin')).rejects.toThrow(InputTooLarge)
    expect(produced).toBeLessThanOrEqual((MAX_DIFF_BYTES >> 20) + 2)
  })

  it('reads a diff within the limit whole, multi-byte characters across chunks included', async () => {
    const text = 'diff --git a/x b/x\n+é€\n'.repeat(1000)
    const bytes = Buffer.from(text)
    const parts = [bytes.subarray(0, 21), bytes.subarray(21, 4097), bytes.subarray(4097)]
    expect(await readBounded(Readable.from(parts), 'stdin')).toBe(text)
    const dir = tempDir('klp-bounded-')
    writeFileSync(join(dir, 'fix.patch'), text)
    expect(await readFileBounded(join(dir, 'fix.patch'), '--diff')).toBe(text)
    await expect(readFileBounded(join(dir, 'fix.patch'), '--diff', 100)).rejects.toThrow(
      /--diff is over the 100 bytes limit/
    )
  })
})
