import { closeSync, openSync, writeSync } from 'node:fs'

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
    for (const piece of pieces) writeSync(fd, piece)
  } finally {
    closeSync(fd)
  }
}
