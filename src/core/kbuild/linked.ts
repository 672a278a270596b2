import { normalizePath } from '../paths.js'
import { parseCmdFile } from './flags.js'

/** `cmd_<archive> := <command>` of one archive's `.cmd` file. */
const CMD = /^(?:saved)?cmd_(\S+)\s*:=\s*(.*)$/m
/** 6.1's thin archives: `printf "drivers/firmware/efi/%s " efi.o vars.o | xargs ar cDPrST X`. */
const PRINTF = /printf\s+"([^"%]*)%s\s*"\s+([^|;]*?)\s*\|\s*xargs\s+ar\s+\S+\s+(\S+)/
/** `ar cDPrST vmlinux.a ./built-in.a lib/lib.a` (older kernels and the top-level archives). */
const AR = /(?:^|;|&&)\s*ar\s+c\S*\s+(\S+)((?:\s+[^\s;|&]+)*)/

/** An archive's members, from the `cmd_` line kbuild wrote for it; undefined when not read. */
export function archiveMembers(text: string): { archive: string; members: string[] } | undefined {
  const cmd = CMD.exec(text)
  if (!cmd) return undefined
  const [, archive, command] = cmd
  const p = PRINTF.exec(command)
  if (p) {
    const members = p[2].split(/\s+/).filter(Boolean)
    return { archive: normalizePath(p[3]), members: members.map(m => normalizePath(p[1] + m)) }
  }
  const a = AR.exec(command)
  if (a && normalizePath(a[1]) === normalizePath(archive))
    return {
      archive: normalizePath(a[1]),
      members: a[2].split(/\s+/).filter(Boolean).map(normalizePath)
    }
  return undefined
}

/**
 * The objects kbuild links into vmlinux: from `vmlinux.a` (kernels since 6.1) through every
 * archive it holds, by the archives' own `.cmd` files. Undefined when
 * there is no root or an archive on the way has no readable list: an object missing from a
 * partial closure would look like one the kernel does not hold. What is not here and in no
 * module (`drivers/firmware/efi/libstub/lib.a`, linked into the compressed boot image) is code
 * the running kernel does not hold.
 */
export function vmlinuxObjects(archiveCmds: ReadonlyMap<string, string>): Set<string> | undefined {
  const lists = archiveLists(archiveCmds)
  // vmlinux.a (6.1) holds the top-level built-in.a and the lib.a's; before it, kbuild linked
  // the lib.a's beside built-in.a, so built-in.a alone is not all of vmlinux (a hostile review).
  const root = 'vmlinux.a'
  if (!lists.has(root)) return undefined
  const objects = new Set<string>()
  const seen = new Set<string>([root])
  const queue = [root]
  while (queue.length > 0) {
    const members = lists.get(queue.pop() ?? '')
    if (!members) return undefined
    for (const m of members) {
      if (m.endsWith('.a')) {
        if (!seen.has(m)) {
          seen.add(m)
          queue.push(m)
        }
      } else objects.add(m)
    }
  }
  return objects
}

function archiveLists(archiveCmds: ReadonlyMap<string, string>): Map<string, string[]> {
  const lists = new Map<string, string[]>()
  for (const text of archiveCmds.values()) {
    const parsed = archiveMembers(text)
    if (parsed) lists.set(parsed.archive, parsed.members)
  }
  return lists
}

/** Every object some archive of the build holds, wherever the archive goes. */
export function archivedObjects(archiveCmds: ReadonlyMap<string, string>): Set<string> {
  const out = new Set<string>()
  for (const members of archiveLists(archiveCmds).values())
    for (const m of members) if (!m.endsWith('.a')) out.add(m)
  return out
}

/**
 * Objects kbuild makes from other objects without compiling (`strip -o pci.stub.o pci.o` for the
 * EFI stub, `ld -r` of a composite object): input -> the objects made from it, from the `.o.cmd`
 * files whose command is no compile.
 */
function derived(cmds: ReadonlyMap<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const text of cmds.values()) {
    const cmd = CMD.exec(text)
    if (!cmd || !cmd[1].endsWith('.o') || /(?:^|\s)-c(?:\s|$)/.test(cmd[2])) continue
    const target = normalizePath(cmd[1])
    for (const t of cmd[2].split(/[\s;]+/)) {
      if (!t.endsWith('.o')) continue
      const input = normalizePath(t)
      if (input === target) continue
      const list = out.get(input) ?? []
      if (!list.includes(target)) list.push(target)
      out.set(input, list)
    }
  }
  return out
}

/**
 * The TUs of kbuild's compile commands whose objects the running kernel does not hold: the
 * object, or one made from it, is a member of an archive (`archived`), and none of them is
 * linked into vmlinux (`linked`) nor in a module (`objectOf`). An object no archive holds (the
 * real-mode trampoline and the vDSO, linked into images vmlinux embeds) is never one of them.
 */
export function unheldTus(
  cmds: ReadonlyMap<string, string>,
  linked: ReadonlySet<string>,
  archived: ReadonlySet<string>,
  objectOf: (tu: string) => string
): Set<string> {
  const from = derived(cmds)
  const out = new Set<string>()
  for (const text of cmds.values()) {
    const c = parseCmdFile(text)
    if (!c || objectOf(c.tu) !== 'vmlinux') continue
    const made = new Set([c.object])
    for (const o of made) for (const d of from.get(o) ?? []) made.add(d)
    if ([...made].some(o => linked.has(o))) continue
    if ([...made].some(o => archived.has(o))) out.add(c.tu)
  }
  return out
}
