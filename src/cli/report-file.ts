import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  ftruncateSync,
  openSync,
  rmSync
} from 'node:fs'
import { writeAll } from './write-pieces.js'

/**
 * An `--output` file opened before a long load (`explain --all` streams its report as it goes):
 * opened at once, so a path that cannot be written fails the run before the load, but emptied
 * only at the first write, so a run that fails earlier (no such dump folder, a refused archive)
 * leaves the last report as it was. One it had to create is removed then.
 */
export class ReportFile {
  private started = false

  private constructor(
    private readonly path: string,
    private readonly fd: number,
    private readonly created: boolean
  ) {}

  static open(path: string): ReportFile {
    const existed = existsSync(path)
    // No O_TRUNC: emptied at the first write (see `write`).
    const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT, 0o666)
    return new ReportFile(path, fd, !existed)
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
