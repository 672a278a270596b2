import { closeSync, openSync, writeSync } from 'node:fs'

/**
 * Writes all of `chunk` to `fd`: one write(2) may take fewer bytes than it was given (a file size
 * limit, a full disk met mid-chunk), and a report cut there would lose its verdict silently. The
 * next write then fails with the reason (EFBIG, ENOSPC), which the run reports.
 */
export function writeAll(
  fd: number,
  chunk: string,
  write: (fd: number, bytes: Uint8Array, offset: number, length: number) => number = writeSync
): void {
  const bytes = Buffer.from(chunk)
  for (let at = 0; at < bytes.length;) at += write(fd, bytes, at, bytes.length - at)
}

/**
 * Writes a report rendered in pieces (see renderJsonPieces) to a file, or to stdout, so that the
 * whole text of a report with hundreds of thousands of entries never exists at once.
 */
export function writePieces(pieces: Iterable<string>, path?: string): void {
  if (path === undefined) {
    // Synchronous on Linux for files and pipes; a reader that closed early is the stream's
    // 'error' handler's business (see index.ts), as for a single write.
    for (const piece of pieces) process.stdout.write(piece)
    return
  }
  const fd = openSync(path, 'w')
  try {
    for (const piece of pieces) writeAll(fd, piece)
  } finally {
    closeSync(fd)
  }
}
