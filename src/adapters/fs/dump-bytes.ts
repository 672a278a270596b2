import { closeSync, openSync, readSync } from 'node:fs'
import type { DumpBytes } from '../../core/dumps/raw-accept.js'
import type { RawBytes } from '../../core/dumps/raw-prefilter.js'
import { lineCheck } from '../../core/line-check/line-check.js'

/**
 * One buffer per thread for every file read: a fresh Buffer per dump cost more in GC than the
 * read. It is the line check's memory where WebAssembly runs, so a dump is validated where it was
 * read (see acceptBytes).
 */
let scratch = room(1 << 20, undefined)

/** A scratch buffer of `capacity` bytes that keeps what `old` held. */
function room(capacity: number, old: Buffer | undefined): Buffer {
  const check = lineCheck()
  if (!check) {
    const fresh = Buffer.allocUnsafe(capacity)
    old?.copy(fresh)
    return fresh
  }
  // Growing the module's memory keeps its bytes (in a new ArrayBuffer): nothing to copy.
  const view = check.input(capacity)
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength)
}

/**
 * The file's bytes, at most `max`, valid until the next use of the line check's memory on this
 * thread (the next read, a check of other bytes, a graph read from a text: see LineCheck.input;
 * callers hash, search, decode or copy them at once). No fstat for the size: the read that
 * returns 0 is needed anyway, and a syscall per dump counts at 27,000 dumps.
 */
export function readBytes(abs: string, max = Infinity): Buffer {
  // A check of bytes from elsewhere may have grown the memory since: this view is then detached
  // (empty), and a read into it would give every dump as empty.
  const check = lineCheck()
  if (check && !check.holds(scratch)) scratch = room(1 << 20, undefined)
  const fd = openSync(abs, 'r')
  try {
    let n = 0
    while (n < max) {
      if (n === scratch.length) scratch = room(2 * n, scratch)
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
  return { length: bytes.length, latin1: () => bytes.toString('latin1'), view: () => bytes }
}
