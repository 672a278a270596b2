/**
 * Archives come from untrusted PR artifacts. A real distro dump set is ~27,000 files / 700 MB, so
 * these leave an order of magnitude of headroom while stopping a bomb long before memory runs out.
 */
export const LIMITS = {
  totalBytes: 8 * 1024 ** 3,
  entries: 1_000_000,
  /** One file we keep in memory; the largest real dump is a few MB. */
  entryBytes: 512 * 1024 ** 2
}

export class Budget {
  private bytes = 0
  private count = 0

  constructor(
    private readonly archive: string,
    private readonly limits = LIMITS
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
}
