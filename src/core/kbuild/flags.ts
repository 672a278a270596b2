import type { Finding } from '../model.js'
import { normalizePath } from '../paths.js'

/** One compile recorded by kbuild in `.<obj>.o.cmd`. */
export interface CompileCommand {
  /** Object path relative to the build root (`net/ipv4/tcp.o`). */
  object: string
  /** The TU whose dump GCC writes beside the object (`net/ipv4/tcp.c`). */
  tu: string
  args: string[]
}

const REQUIRED_FLAGS = [
  {
    flag: '-flive-patching=inline-clone',
    why: 'without it GCC may apply IPA optimizations (ipa-ra, ipa-icf, ...) the clone dump does not record'
  },
  { flag: '-fdump-ipa-clones', why: 'it writes the dump this analysis reads' }
]
const DUMP_FLAG = '-fdump-ipa-clones'

/** Per-object findings past this count say the same thing thousands of times. */
const MAX_PER_OBJECT = 20

/**
 * Kbuild writes `cmd_<target> := <command>` (6.1; `savedcmd_` from 6.3 on) and, through fixdep,
 * `source_<target> := <source>`. Only kernel C compiles count: host tools lack `-D__KERNEL__` and
 * assembler sources never get a dump.
 */
export function parseCmdFile(text: string): CompileCommand | undefined {
  let target: string | undefined
  let command: string | undefined
  let source: string | undefined
  for (const line of text.split('\n')) {
    const cmd = /^(?:saved)?cmd_(\S+?)\s*:=\s*(.*)$/.exec(line)
    if (cmd && target === undefined) {
      target = cmd[1]
      command = cmd[2]
      continue
    }
    const src = /^source_(\S+?)\s*:=\s*(\S+)/.exec(line)
    if (src) source = src[2]
  }
  if (target === undefined || command === undefined || !target.endsWith('.o')) return undefined
  const args = command.split(/\s+/).filter(a => a !== '')
  if (!args.includes('-c') || !args.some(a => a === '-D__KERNEL__')) return undefined
  source ??= [...args].reverse().find(a => a.endsWith('.c') || a.endsWith('.S'))
  if (!source?.endsWith('.c')) return undefined
  const object = normalizePath(target)
  // GCC names the dump after the output's directory and stem, so the TU follows the object even in
  // O= builds where the source path is `../linux/net/ipv4/tcp.c` or absolute.
  return { object, tu: `${object.slice(0, -2)}.c`, args }
}

function lastOf(args: string[], on: (a: string) => boolean, off: (a: string) => boolean): boolean {
  let state = false
  for (const a of args) {
    if (on(a)) state = true
    else if (off(a)) state = false
  }
  return state
}

/**
 * From kbuild .cmd files ('cmd_net/ipv4/tcp.o := gcc ... '): per object the compile flags;
 * findings: 'build-flags' warning when an object with a dump lacks -flive-patching=inline-clone
 * or -fdump-ipa-clones (a dump from another build); 'no-dump' (unresolved) when an object was
 * compiled from a .c (per .cmd) but has no dump, saying whether its flags lacked the dump's; lto
 * when -flto.
 */
export function checkBuildFlags(
  cmds: Map<string, string>,
  hasDump: (tu: string) => boolean
): { findings: Finding[]; lto: boolean } {
  const compiles = [...cmds.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, text]) => parseCmdFile(text))
    .filter((c): c is CompileCommand => c !== undefined)
  const findings: Finding[] = []
  let lto = false

  for (const { flag, why } of REQUIRED_FLAGS) {
    // An object without a dump is a no-dump finding, judged against the fix (kbuild builds the
    // real-mode code and the EFI stub with their own flags in every kernel): said here too, it
    // made a warning in every report that no fix could clear.
    const lacking = compiles.filter(c => !c.args.includes(flag) && hasDump(c.tu))
    if (lacking.length === 0) continue
    if (lacking.length === compiles.length || lacking.length > MAX_PER_OBJECT) {
      const examples = lacking.slice(0, 5).map(c => c.object)
      findings.push({
        kind: 'build-flags',
        severity: 'warning',
        message:
          `${lacking.length} of ${compiles.length} C objects were compiled without ${flag} ` +
          `(${why}); e.g. ${examples.join(', ')}`
      })
      continue
    }
    for (const c of lacking) {
      findings.push({
        kind: 'build-flags',
        severity: 'warning',
        message: `${c.object} was compiled without ${flag} (${why})`,
        file: c.tu
      })
    }
  }

  for (const c of compiles) {
    const cLto = lastOf(
      c.args,
      a => a === '-flto' || a.startsWith('-flto='),
      a => a === '-fno-lto'
    )
    lto ||= cLto
    if (!hasDump(c.tu)) {
      const how = c.args.includes(DUMP_FLAG) ? ' but' : ` without ${DUMP_FLAG}, so`
      findings.push({
        kind: 'no-dump',
        severity: 'unresolved',
        message: `${c.object} was compiled from ${c.tu}${how} the dump set has no ${c.tu}.000i.ipa-clones`,
        file: c.tu
      })
    }
  }
  return { findings, lto }
}
