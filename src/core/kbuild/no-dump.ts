import type { HeaderDeps } from '../impact/deps.js'
import type { Finding } from '../model.js'

/**
 * A TU compiled without a dump (kbuild builds the real-mode code and the EFI stub with their own
 * flags, which drop KCFLAGS) hides GCC's decisions only for the files it reads. When kbuild's
 * dependency list shows it reads none of the files a fix changes, nothing of the fix is in it:
 * recorded, not a reason to fail every gate of the tree.
 */
export function judgeNoDump(
  finding: Finding,
  deps: HeaderDeps | undefined,
  changedPaths: ReadonlySet<string>
): Finding {
  if (finding.kind !== 'no-dump' || finding.severity !== 'unresolved' || !finding.file)
    return finding
  const files = deps?.filesOf(finding.file)
  if (!files || files.some(f => changedPaths.has(f))) return finding
  return {
    ...finding,
    severity: 'info',
    message: `${finding.message}; it reads none of the files this fix changes (kbuild's dependency list)`
  }
}

/**
 * A TU without a dump that the fix may reach, compiled into an object kbuild links into neither
 * vmlinux nor a module (`unheld`, from the archive lists: core/kbuild/linked.ts): the EFI stub's
 * `lib.a` goes into the compressed boot image and runs once, before the kernel. The running
 * kernel does not hold that code, so no livepatch replaces it whatever the fix does to it.
 */
export function judgeUnheld(finding: Finding, unheld: ReadonlySet<string> | undefined): Finding {
  if (finding.kind !== 'no-dump' || finding.severity !== 'unresolved' || !finding.file)
    return finding
  if (!unheld?.has(finding.file)) return finding
  return {
    ...finding,
    severity: 'warning',
    message: `${finding.message}; kbuild links it into neither vmlinux nor a module (the build's archive lists): the running kernel does not hold its code (boot code such as the EFI stub runs before the kernel), so a livepatch cannot and need not replace it, and a change to it takes effect at the next boot`
  }
}
