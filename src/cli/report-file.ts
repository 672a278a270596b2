import { closeSync, constants, fstatSync, ftruncateSync, openSync, rmSync } from 'node:fs'
import { writeAll } from './write-pieces.js'

/**
 * An `--output` file opened before a long load (`explain --all` streams its report as it goes):
 * opened at once, so a path that cannot be written fails the run before the load, but emptied
 * only at the first write, so a run that fails earlier (no such dump folder, a refused archive)
 * leaves the last report as it was, as `analyze` and `explain` leave theirs (they write at the end):
 * exit 2 says there is no new report. One it had to create is removed then.
 */
export class ReportFile {
  private started = false

  private constructor(
    private readonly path: string,
    private readonly fd: number,
    private readonly created: boolean
  ) {}

  static open(path: string): ReportFile {
    // No O_TRUNC: emptied at the first write (see `write`). O_EXCL first, to know whether this run
    // created the file: it refuses any existing path, a symbolic link too (dangling or not), so
    // what `close` removes is never a link, nor a file someone else made meanwhile.
    const { O_WRONLY, O_CREAT, O_EXCL } = constants
    try {
      return new ReportFile(path, openSync(path, O_WRONLY | O_CREAT | O_EXCL, 0o666), true)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    return new ReportFile(path, openSync(path, O_WRONLY | O_CREAT, 0o666), false)
  }

  write(chunk: string): void {
    if (!this.started) {
      this.started = true
      // A FIFO or a terminal (`--output /dev/stdout`) has nothing to empty, and refuses it.
      if (fstatSync(this.fd).isFile()) ftruncateSync(this.fd, 0)
    }
    writeAll(this.fd, chunk)
  }

  /** Closes it; a file this run created and never wrote to goes away again. */
  close(): void {
    closeSync(this.fd)
    if (!this.started && this.created) rmSync(this.path, { force: true })
  }
}
