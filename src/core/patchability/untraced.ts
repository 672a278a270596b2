import { parseCmdFile } from '../kbuild/flags.js'

/**
 * TUs kbuild compiled without ftrace's call sites: a Makefile's
 * `CFLAGS_REMOVE_tsc.o = $(CC_FLAGS_FTRACE)` (arch/x86/kernel/tsc.c, cpu/common.c, kernel/locking/
 * lockdep.c, ...) drops `-pg` (x86, s390, powerpc) or `-fpatchable-function-entry` (arm64,
 * riscv) for the whole file, so none of its functions can be hooked. Undefined when no compile has
 * them: a kernel without ftrace (nothing is livepatchable there, and it is not this check's to say)
 * or no `.cmd` files.
 */
export function untracedTus(cmds: Map<string, string>): Set<string> | undefined {
  const untraced = new Set<string>()
  let traced = 0
  for (const text of cmds.values()) {
    const c = parseCmdFile(text)
    if (!c) continue
    if (c.args.some(isFtraceFlag)) traced++
    else untraced.add(c.tu)
  }
  return traced > 0 ? untraced : undefined
}

function isFtraceFlag(arg: string): boolean {
  if (arg === '-pg') return true
  const m = /^-fpatchable-function-entry=(\d+)/.exec(arg)
  return m !== null && Number(m[1]) > 0
}
