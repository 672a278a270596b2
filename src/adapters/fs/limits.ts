/**
 * Archives come from untrusted PR artifacts. A real distro dump set is ~27,000 files / 700 MB, so
 * these leave an order of magnitude of headroom while stopping a bomb long before memory runs out.
 */
export interface Limits {
  totalBytes: number
  entries: number
  /** One file we keep in memory; the largest real dump is a few MB. */
  entryBytes: number
  /**
   * What one archive may leave held in memory: the files of interest are kept decompressed (as
   * strings) for the whole run, so reading within `totalBytes` is not enough. 20 dumps of 400 MB
   * each from an 8 MB zip reached a V8 heap abort. Default `LIMITS.heldBytes`.
   */
  heldBytes?: number
  /**
   * What a tar may make the reader decompress only to skip: entries of no interest, and zero
   * blocks no entry accounts for. A 625 KB .tar.xz holding a 4 GiB run of zeros took 70 s to skip.
   * Default `LIMITS.skippedBytes`.
   */
  skippedBytes?: number
}

export const LIMITS = {
  totalBytes: 8 * 1024 ** 3,
  entries: 1_000_000,
  // V8 strings end at 2^29 - 24 characters: a 512 MiB entry could not even be decoded.
  entryBytes: 256 * 1024 ** 2,
  heldBytes: 2 * 1024 ** 3,
  // A dump artifact is dumps and kbuild text files; a whole build folder's objects would pass this.
  skippedBytes: 1024 ** 3
}

export class Budget {
  private bytes = 0
  private count = 0
  private held = 0
  private skipped = 0

  constructor(
    private readonly archive: string,
    private readonly limits: Limits = LIMITS
  ) {}

  /** Throws (an input error) when the archive would unpack past the limits. */
  take(bytes: number): void {
    this.count++
    this.bytes += bytes
    if (this.count > this.limits.entries) {
      throw new Error(
        `${this.archive}: more than ${this.limits.entries} entries; refusing to unpack it`
      )
    }
    if (this.bytes > this.limits.totalBytes) {
      throw new Error(
        `${this.archive}: unpacks to more than ${this.limits.totalBytes} bytes; refusing to unpack it (archive bomb?)`
      )
    }
  }

  /** Throws (an input error) when skipping `bytes` more would pass `skippedBytes`. */
  skip(bytes: number): void {
    const limit = this.limits.skippedBytes ?? LIMITS.skippedBytes
    this.skipped += bytes
    if (this.skipped > limit)
      throw new Error(
        `${this.archive}: more than ${limit} bytes of entries that are not dumps or kbuild files; ` +
          'refusing to decompress them only to skip them (archive bomb?)'
      )
  }

  /**
   * Reserves `bytes` of what stays in memory, before the entry is decompressed; a reason to refuse
   * the entry when the archive's held budget is spent, else undefined.
   */
  hold(bytes: number): string | undefined {
    const limit = this.limits.heldBytes ?? LIMITS.heldBytes
    if (this.held + bytes > limit)
      return `keeping its ${bytes} bytes would hold more than ${limit} bytes of this archive in memory (archive bomb?)`
    this.held += bytes
    return undefined
  }
}
