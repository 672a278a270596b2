import type { SourceOf } from '../includes/closure.js'
import type { Kconfig } from './kconfig.js'

/** `obj-$(CONFIG_X) += a.o`, `kvm-y := b.o`, `foo-objs = c.o`: one kbuild assignment line. */
interface Assignment {
  target: string
  /** The CONFIG_ symbol in the suffix, null for `-y`/`-m`/`-objs`. */
  gate: string | null
  items: string[]
}

const ASSIGN = /^([A-Za-z0-9_.-]+?)-(y|m|objs|\$\((CONFIG_\w+)\))\s*(?::=|\+=|=)(.*)$/

/** Every assignment, and the lines naming things this reader does not parse (kept to stay safe). */
function assignments(text: string): { list: Assignment[]; other: string[] } {
  const list: Assignment[] = []
  const other: string[] = []
  for (const raw of text.replace(/\\\r?\n/g, ' ').split('\n')) {
    const line = raw.replace(/#.*/, '').trim()
    const m = ASSIGN.exec(line)
    if (!m) {
      if (line !== '') other.push(line)
      continue
    }
    const items = m[4].trim().split(/\s+/).filter(Boolean)
    list.push({ target: m[1], gate: m[3] ?? null, items })
  }
  return { list, other }
}

type Fate = { off: true; reason: string } | { off: false }
const ON: Fate = { off: false }

const MAX_DEPTH = 8

/**
 * Whether kbuild certainly does not compile `tu` in this `.config`: every line of its folder's
 * Makefile/Kbuild that names its object (directly or through a composite module) is gated by a
 * symbol that is not set, or its folder is, in the parent's Makefile. Anything this reader cannot
 * follow (variables, `$(if ...)`, a folder named nowhere) reads as built.
 */
export function tuCompiledOut(tu: string, config: Kconfig, sourceOf: SourceOf): string | undefined {
  const slash = tu.lastIndexOf('/')
  const dir = tu.slice(0, slash + 1)
  const fate = objectFate(dir, `${tu.slice(slash + 1, -2)}.o`, config, sourceOf, 0)
  if (!fate.off) return undefined
  // `ens1371.c` does `#include "ens1370.c"`: its Makefile line being off does not mean unbuilt.
  return includedBySibling(dir, tu.slice(slash + 1), sourceOf) ? undefined : fate.reason
}

/**
 * Whether a source of the folder's Makefile objects `#include`s `file` (a `.c` compiled inside
 * another, whatever its own line says). Sources the tree lacks are not searched.
 */
function includedBySibling(dir: string, file: string, sourceOf: SourceOf): boolean {
  const mk = makefileOf(dir, sourceOf)
  if (!mk) return false
  const include = new RegExp(
    `^[ \\t]*#[ \\t]*include[ \\t]*"(\\./)?${file.replace(/[.+]/g, '\\$&')}"`,
    'm'
  )
  const siblings = new Set(
    [...mk.list.flatMap(a => a.items), ...mk.other.flatMap(l => l.split(/\s+/))]
      .filter(i => i.endsWith('.o') && !i.includes('/') && i !== `${file.slice(0, -2)}.o`)
      .map(i => `${dir}${i.slice(0, -2)}.c`)
  )
  for (const path of siblings) {
    const text = sourceOf(path)
    if (typeof text === 'string' && include.test(text)) return true
  }
  return false
}

function makefileOf(
  dir: string,
  sourceOf: SourceOf
): ({ path: string } & ReturnType<typeof assignments>) | undefined {
  for (const name of ['Kbuild', 'Makefile']) {
    const text = sourceOf(`${dir}${name}`)
    if (typeof text === 'string') return { path: `${dir}${name}`, ...assignments(text) }
  }
  return undefined
}

/** `object` (`emulate.o`, or `kvm/` for a folder) in `dir`'s Makefile. */
function objectFate(
  dir: string,
  object: string,
  config: Kconfig,
  sourceOf: SourceOf,
  depth: number
): Fate {
  if (depth > MAX_DEPTH) return ON
  const mk = makefileOf(dir, sourceOf)
  if (!mk) return ON
  const naming = mk.list.filter(a => a.items.includes(object))
  // Named in a line this reader does not follow (`$(if ...)`, a variable): may be built.
  const word = new RegExp(`(^|[\\s=])${object.replace(/[.]/g, '\\.')}(\\s|$)`)
  if (naming.length === 0 || mk.other.some(l => word.test(l))) return ON
  const reasons: string[] = []
  for (const a of naming) {
    const own = gateFate(a.gate, config, `${mk.path}: ${a.target}-$(${a.gate ?? ''}) += ${object}`)
    if (own.off) {
      reasons.push(own.reason)
      continue
    }
    let up: Fate = ON
    if (a.target === 'obj' || a.target === 'lib') {
      // Built if its folder is: the parent's Makefile names the folder (`obj-$(CONFIG_KVM) += kvm/`).
      if (dir !== '') {
        const parent = dir.slice(0, dir.slice(0, -1).lastIndexOf('/') + 1)
        up = objectFate(parent, dir.slice(parent.length), config, sourceOf, depth + 1)
      }
    } else {
      // A part of a composite object: built if the composite is.
      up = objectFate(dir, `${a.target}.o`, config, sourceOf, depth + 1)
    }
    if (!up.off) return ON
    reasons.push(up.reason)
  }
  return { off: true, reason: [...new Set(reasons)].join('; ') }
}

function gateFate(gate: string | null, config: Kconfig, where: string): Fate {
  if (gate === null) return ON
  if (config.get(gate) !== undefined) return ON
  return { off: true, reason: `${gate} is not set (${where})` }
}
