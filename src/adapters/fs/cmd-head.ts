import { closeSync, openSync, readSync } from 'node:fs'
import { parseDeps } from '../../core/impact/deps.js'
import { CMD_HEAD_BYTES, trimCmd } from './classify.js'
import type { CmdHead } from './scan-pool.js'

/**
 * A `.cmd` file's head (CMD_HEAD_BYTES), read and parsed where it is read: on a scan thread, its
 * dependency list is parsed there too. A build's 2,800 lists (~1.7 million lines) cost the main
 * thread 1.5 s to read and parse, for a fix in one `.c` file as for a header.
 */
export function readCmdHead(abs: string): CmdHead {
  const text = readHeadSync(abs, CMD_HEAD_BYTES)
  const deps = parseDeps(text)
  return deps
    ? { text: trimCmd(text), deps: { ...deps, files: deps.files.join('\n') } }
    : { text: trimCmd(text) }
}

let scratch: Buffer | undefined

/** Up to `max` bytes of a file, as UTF-8 (decoded at once: one buffer per thread serves every file). */
function readHeadSync(abs: string, max: number): string {
  const fd = openSync(abs, 'r')
  try {
    if (!scratch || scratch.length < max) scratch = Buffer.allocUnsafe(max)
    const buf = scratch
    let n = 0
    for (;;) {
      const got = readSync(fd, buf, n, max - n, null)
      if (got === 0 || (n += got) === max) break
    }
    return buf.toString('utf8', 0, n)
  } finally {
    closeSync(fd)
  }
}
