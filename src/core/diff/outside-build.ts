/**
 * Files no kernel build reads, by path: a change to them cannot reach the image or a module.
 * Repository metadata (MAINTAINERS, .mailmap, .gitignore anywhere, CI configuration), and
 * `tools/testing/` (selftests, KUnit's runner, ktest: built by `make kselftest` and friends, never
 * by the kernel's own build). The rest of `tools/` stays code: objtool rewrites every object, and
 * `resolve_btfids` patches vmlinux. Prose is the mapper's `isDocumentation`.
 */
const METADATA =
  /^(?:MAINTAINERS|CREDITS|README|COPYING|\.mailmap|\.clang-format|\.cocciconfig|\.get_maintainer\.ignore|\.gitattributes)$|(?:^|\/)\.gitignore$|^\.github\//

/** Why nothing built reads `path`, or undefined when something may. */
export function outsideBuild(path: string): string | undefined {
  if (METADATA.test(path)) return 'repository metadata: no build reads it'
  if (path.startsWith('tools/testing/'))
    return 'userspace test code (tools/testing/): not part of the kernel or its modules'
  return undefined
}
