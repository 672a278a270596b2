/** What a file found in a dump set is for; undefined: not ours, never read. */
export type Role =
  'dump' | 'mod' | 'modules-order' | 'cmd' | 'archive' | 'script' | 'symbols' | 'config'

/**
 * A C source or header a dump set carries beside its dumps: in a build folder, every file kbuild
 * generated (`include/generated/`, vdso images, `.vmlinux.export.c`, `*.mod.c`, selinux's
 * `flask.h`); in an archive, the ones the build job packed. The checkout has none of them, and a
 * header's reach must search the TUs that read them (see generated.ts).
 */
export function isGeneratedSource(path: string): boolean {
  return path.endsWith('.c') || path.endsWith('.h')
}

/**
 * What an archive entry is for: a role, or a generated source the build job packed. Not for
 * folders, whose sources are read on demand (a build tree holds the whole kernel's).
 */
export function entryRole(path: string): Role | 'source' | undefined {
  return roleOf(path) ?? (isGeneratedSource(path) ? 'source' : undefined)
}

/** GCC numbers the dump after the pass (`000i` in GCC 8 to 14); any number is accepted. */
const DUMP_SUFFIX = /\.\d{3}i\.ipa-clones$/

export function roleOf(path: string): Role | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1)
  if (DUMP_SUFFIX.test(base)) return 'dump'
  if (base === 'modules.order') return 'modules-order'
  if (base === '.config') return 'config'
  if (base.endsWith('.mod')) return 'mod'
  // Only object compiles matter for the flag checks; `.vmlinux.cmd`, `.foo.ko.cmd` are link steps.
  if (base.startsWith('.') && base.endsWith('.o.cmd')) return 'cmd'
  // `.built-in.a.cmd`, `.lib.a.cmd`, `.vmlinux.a.cmd`: which objects each archive links in.
  if (base.startsWith('.') && base.endsWith('.a.cmd')) return 'archive'
  // `.vmlinux.lds.cmd`, `.asm-offsets.s.cmd`: what the linker scripts and offset generators read.
  if (base.startsWith('.') && (base.endsWith('.lds.cmd') || base.endsWith('.s.cmd')))
    return 'script'
  if (base === 'System.map' || base === 'kallsyms' || /\.(nm|syms|kallsyms)$/.test(base)) {
    return 'symbols'
  }
  return undefined
}

/**
 * fixdep puts `cmd_`/`source_` first and the header dependency list after (up to ~75 KB in a 6.1
 * distribution build: selinux/hooks.o). The list is read whole, up to this cap, and kept compactly
 * (see HeaderDeps); a list cut by the cap counts as absent.
 */
export const CMD_HEAD_BYTES = 1024 * 1024

export function trimCmd(text: string): string {
  return text
    .split('\n')
    .filter(l => /^(?:saved)?cmd_|^source_/.test(l))
    .join('\n')
}
