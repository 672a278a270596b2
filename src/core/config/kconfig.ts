/**
 * A kernel `.config`: the value of every symbol that is set. A symbol that is absent or written
 * `# CONFIG_X is not set` is not defined in autoconf.h, which is what the preprocessor sees.
 */
export type Kconfig = ReadonlyMap<string, string>

const SET = /^(CONFIG_\w+)=(.*)$/

export function parseKconfig(text: string): Kconfig {
  const values = new Map<string, string>()
  for (const raw of text.split('\n')) {
    const m = SET.exec(raw.trim())
    if (m && m[2] !== 'n') values.set(m[1], m[2])
  }
  return values
}

/** One dump set's build configuration, as the diff mapper weighs a hunk against it. */
export interface BuildConfig {
  label: string
  /** Absent: the set came without a `.config`; only literal conditions (`#if 0`) are decided. */
  config?: Kconfig
  /** Whether the set has a dump for this TU; absent: unknown, and a `.c` is never ruled out. */
  hasTu?: (tu: string) => boolean
}

/** How `.config` reads for a human: `CONFIG_X is not set`, `CONFIG_X=m`. */
export function describeSymbol(config: Kconfig, name: string): string {
  const value = config.get(name)
  return value === undefined ? `${name} is not set` : `${name}=${value}`
}
