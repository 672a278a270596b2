import type { ChangedFunction } from '../model.js'
import { listed } from './macro-impact.js'
import { pathUsers } from './member-paths.js'
import { targetCollector } from './target.js'
import type { TypeSubject } from './type-impact.js'
import type { Units } from './units.js'
import { memberAccess, type UseIndex } from './uses.js'

/**
 * Functions that touch members a fix retypes in place (same offset and width, another type: a
 * function pointer's parameters, `long` to `unsigned long`): the layout holds, so existing data
 * stays valid, but code reading or calling through the member may compile otherwise. Reached as
 * moved members are: through the type's spellings, its accessors and macros, and other types'
 * members on the way (`rdev->ops->tdls_mgmt`).
 */
export function retypedUsers(
  subject: TypeSubject,
  label: string,
  members: readonly string[],
  seeing: { tus: string[]; unknown: string[] },
  units: Units,
  uses: UseIndex
): { targets: ChangedFunction[]; lost: string[]; untyped: string[] } {
  const lost = new Set<string>(seeing.unknown)
  const { targets, add } = targetCollector('type-layout', {
    file: subject.header,
    line: subject.line ?? 0
  })
  const untyped = new Set<string>()
  const why = `touches ${listed([...members])} of ${label}, whose type changes in place`
  for (const tu of seeing.tus) {
    const unit = units.unit(tu)
    if (!unit) continue
    // `sk->sk_state` is `sk->__sk_common.skc_state`: the macro's name is accessed as the member.
    const names = [...members, ...uses.memberMacros(unit.files, members)]
    const access = memberAccess(names)
    if (unit.lost.length > 0) lost.add(tu)
    for (const u of pathUsers(unit.files, subject.spellings, members, uses))
      if (u.why === 'touches moved members of')
        add(u.file, u.function, `${why} (through .${u.member})`)
    const reach = [...subject.spellings, ...uses.accessors(unit.files, subject.spellings)]
    for (const needle of uses.expand(unit.files, reach)) {
      for (const file of unit.files) {
        if (!uses.spells(file, needle)) continue
        for (const f of uses.usesWith(file, needle, access)) add(file, f, why)
      }
    }
    // A member read through a global, a typedef or a call's result (`lookup(pid)->prio`) spells no
    // type on the way: a function that accesses a member of that name and was not reached above
    // may be this type's user or another's; only a human can tell.
    for (const member of names)
      for (const file of unit.files) {
        if (!uses.spells(file, member)) continue
        for (const f of uses.usesWith(file, member, access))
          if (!targets.has(`${file}\u0000${f.name}`)) untyped.add(f.name)
      }
  }
  const list = [...targets.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
  return { targets: list, lost: [...lost].sort(), untyped: [...untyped].sort() }
}

/** ` N functions access the members through no spelling of the type (...)`, or nothing. */
export function untypedNote(untyped: readonly string[], members: readonly string[]): string {
  if (untyped.length === 0) return ''
  return ` ${untyped.length} other function${untyped.length === 1 ? '' : 's'} access${untyped.length === 1 ? 'es' : ''} ${listed([...members])} through no spelling of the type (a global, a typedef, a call's result?): ${listed([...untyped])}; review them.`
}

/** ` N TUs could not be searched (...): the list may be short.`, or nothing. */
export function unsearchedNote(lost: readonly string[]): string {
  if (lost.length === 0) return ''
  return ` ${lost.length} TU${lost.length === 1 ? '' : 's'} could not be searched (${listed([...lost])}): the list may be short.`
}
