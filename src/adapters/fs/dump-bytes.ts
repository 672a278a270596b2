import { closeSync, openSync, readSync } from 'node:fs'
import type { DumpBytes } from '../../core/dumps/raw-accept.js'
import type { RawBytes } from '../../core/dumps/raw-prefilter.js'

/** One buffer per thread for every file read: a fresh Buffer per dump cost more in GC than the read. */
let scratch = Buffer.allocUnsafe(1 << 20)

/**
 * The file's bytes, at most `max`, valid until the next call (they are hashed, searched, decoded,
 * then dropped). No fstat for the size: the read that returns 0 is needed anyway, and a syscall
 * per dump counts at 27,000 dumps.
 */
export function readBytes(abs: string, max = Infinity): Buffer {
  const fd = openSync(abs, 'r')
  try {
    let n = 0
    while (n < max) {
      if (n === scratch.length) scratch = Buffer.concat([scratch, Buffer.allocUnsafe(n)])
      const got = readSync(fd, scratch, n, Math.min(scratch.length, max) - n, null)
      if (got === 0) break
      n += got
    }
    return scratch.subarray(0, n)
  } finally {
    closeSync(fd)
  }
}

/** Needles are a handful of ASCII names, met once per dump: their Buffers are made once. */
const needles = new Map<string, Buffer>()

export function rawBytes(bytes: Buffer): RawBytes {
  return {
    find(needle, from) {
      let b = needles.get(needle)
      if (!b) needles.set(needle, (b = Buffer.from(needle, 'latin1')))
      return bytes.indexOf(b, from)
    },
    at: i => (i >= 0 && i < bytes.length ? bytes[i] : -1)
  }
}

export function dumpBytes(bytes: Buffer): DumpBytes {
  return { length: bytes.length, latin1: () => bytes.toString('latin1') }
}
