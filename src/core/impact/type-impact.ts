import type { MovedMembers } from '../layout/moved.js'
import type { ChangedFunction, Finding } from '../model.js'
import { listed } from './macro-impact.js'
import type { HeaderImages } from './subjects.js'
import { hunkLine } from './subjects.js'
import { compareShapes, shapeOf, type ShapeChange } from './type-shape.js'
import type { Unit, Units } from './units.js'
import type { UseIndex } from './uses.js'
import { targetCollector } from './target.js'
import { PathSearch, type PathMembers } from './member-paths.js'
import { NeedlesOnce, PairsOnce, PathUsersOnce } from './unit-search.js'
import { keptLayout } from '../layout/layout-kept.js'
import type { Resolve } from '../layout/struct-layout.js'
import type { Kconfig } from '../config/kconfig.js'
import { notBuiltMessage } from '../config/build-view.js'
import type { DeclarationSpan } from '../layout/configured.js'
import { configuredSubject } from './type-config.js'
import { retypedUsers, unsearchedNote, untypedNote } from './retyped.js'
import { unnamedEnumSubjects } from './unnamed-enums.js'
import { typedefAliases } from './typedef-aliases.js'
import { escapeRegExp } from '../text/escape-regexp.js'
import { append } from '../arrays.js'
import { createsTracepoints } from '../trace-events/impact.js'
import { EVENT_MACROS, traceEvents } from '../trace-events/events.js'
import { maskCommentsAndStrings } from '../source/mask.js'
import {
  generatedFrom,
  generatedUses,
  templateBodies,
  templatePrefixes,
  type GeneratedUse,
  type TemplateBody
} from '../trace-events/uses.js'

/** One struct/union/enum/typedef of a header that a hunk touches, and what the fix does to it. */
export interface TypeSubject {
  header: string
  /** The name the locator gives the declaration (tag or typedef name). */
  name: string
  /** Identifiers that name the type in code (`obj` of `struct obj`, a typedef name). */
  spellings: string[]
  /** Hunk line; absent for a type reached only by embedding the changed one. */
  line?: number
  change: ShapeChange
  kind: 'struct' | 'union' | 'enum' | 'function-typedef' | 'other'
  /** Both declarations' texts (comments blanked), for an exact layout comparison. */
  texts?: { before: string; after: string }
  /** Where both declarations sit in their files, to weigh their `#if` lines against a `.config`. */
  spans?: { before: DeclarationSpan; after: DeclarationSpan }
  /** The name the mapper's finding gives it, when not `name` (`(unnamed)` for an anonymous enum). */
  answers?: string
}

export function typeSubjects(img: HeaderImages): TypeSubject[] {
  const found = new Map<string, TypeSubject>()
  const preLines = img.pre.masked.split('\n')
  const postLines = img.post.masked.split('\n')
  const declText = (lines: string[], d: { startLine: number; endLine: number }): string =>
    lines.slice(d.startLine - 1, d.endLine).join('\n')
  for (const h of img.change.patch.hunks) {
    const names = new Set<string>()
    for (const l of h.lines) {
      const [a, n] =
        l.type === 'del' ? [img.pre, l.oldLine] : l.type === 'add' ? [img.post, l.newLine] : []
      if (!a || n === undefined) continue
      for (const d of a.map.declarations)
        if (d.kind === 'type' && d.name && n >= d.startLine && n <= d.endLine) names.add(d.name)
    }
    for (const name of names) {
      if (found.has(name)) continue
      const before = definitionOf(img.pre.map.declarations, name, preLines)
      const after = definitionOf(img.post.map.declarations, name, postLines)
      if (!before && after) {
        const shape = shapeOf(declText(postLines, after))
        if (shape.kind === 'struct' || shape.kind === 'union' || shape.kind === 'enum')
          found.set(name, {
            header: img.path,
            name,
            spellings: [name],
            line: hunkLine(h),
            change: { kind: 'new', moved: [] },
            kind: shape.kind
          })
        continue
      }
      if (!before || !after) continue
      const preShape = shapeOf(declText(preLines, before))
      const postShape = shapeOf(declText(postLines, after))
      const tag =
        preShape.kind === 'struct' || preShape.kind === 'union' || preShape.kind === 'enum'
          ? preShape.tag
          : undefined
      const aliases =
        tag && (preShape.kind === 'struct' || preShape.kind === 'union')
          ? typedefAliases(img.pre.masked, preShape.kind, tag)
          : []
      found.set(name, {
        header: img.path,
        name,
        spellings: [...new Set([name, ...(tag ? [tag] : []), ...aliases])],
        line: hunkLine(h),
        change: compareShapes(preShape, postShape),
        kind: preShape.kind,
        texts: { before: declText(preLines, before), after: declText(postLines, after) },
        spans: {
          before: { masked: img.pre.masked, start: before.startLine, end: before.endLine },
          after: { masked: img.post.masked, start: after.startLine, end: after.endLine }
        }
      })
    }
  }
  for (const s of unnamedEnumSubjects(img)) found.set(s.name, s)
  return [...found.values()]
}

/**
 * The declaration of `name` that defines it: a header often forward-declares a struct
 * (`struct mbox_chan;`) above the body the fix changes.
 */
function definitionOf<
  D extends { kind: string; name?: string; startLine: number; endLine: number }
>(declarations: D[], name: string, lines: string[]): D | undefined {
  const named = declarations.filter(d => d.kind === 'type' && d.name === name)
  return (
    named.find(d =>
      lines
        .slice(d.startLine - 1, d.endLine)
        .join('\n')
        .includes('{')
    ) ?? named[0]
  )
}

export interface TypeImpact {
  /** `required` targets: users of renumbered enumerators. */
  targets: ChangedFunction[]
  /** `layout` targets: functions touching moved members or the size. */
  layout: ChangedFunction[]
  findings: Finding[]
  /** Whether the mapper's type-change finding for this type is answered. */
  answered: boolean
  /** Types that embed this one by value: changed too, to follow the same way. */
  embedders: TypeSubject[]
}

const LAYOUT_WHY = 'not livepatchable as it is: shadow variables, or a fix that keeps the layout'

/** What one changed type does to the code of the TUs that see its header. */
export function typeImpact(
  subject: TypeSubject,
  units: Units,
  uses: UseIndex,
  set: string,
  /** Sizes of the named types a TU's files define, for exact layouts (layout/type-sizes). */
  sizesIn?: (files: readonly string[], config?: Kconfig) => Resolve,
  /** The set's `.config`: members under `#ifdef CONFIG_X` are laid out as this build has them. */
  config?: Kconfig
): TypeImpact {
  const { header, name } = subject
  let { change } = subject
  let texts = subject.texts
  const result: TypeImpact = {
    targets: [],
    layout: [],
    findings: [],
    answered: true,
    embedders: []
  }
  const finding = (f: Omit<Finding, 'file' | 'line' | 'set'>): void => {
    const full: Finding = { ...f, file: header, set }
    if (subject.line !== undefined) full.line = subject.line
    result.findings.push(full)
  }
  const label = `${subject.kind === 'other' || subject.kind === 'function-typedef' ? '' : `${subject.kind} `}${name}`
  const configured = config ? configuredSubject(subject, config) : undefined
  if (configured && 'out' in configured) {
    finding({
      kind: 'not-built',
      severity: 'info',
      message: `${label}: ${notBuiltMessage([[set, configured.out]])}: no code changes`
    })
    return result
  }
  const onlyOut =
    configured !== undefined && configured.change.kind === 'same' && change.kind !== 'same'
  if (configured) ({ change, texts } = configured)
  switch (change.kind) {
    case 'same':
      finding({
        kind: 'type-change',
        severity: 'info',
        message: onlyOut
          ? `${label}: only members this build compiles out change (its .config): no code changes`
          : `${label}: only comments or layout of the text change: no code changes`
      })
      return result
    case 'new':
      finding({
        kind: 'type-change',
        severity: 'info',
        message: `${label} is new in this header: code built before the fix cannot use it, so no existing code changes`
      })
      return result
    case 'function-typedef':
      finding({
        kind: 'type-change',
        severity: 'info',
        message: `${label} is a typedef of a function type: it lays out no data; code changes only where its users change`
      })
      return result
    case 'unknown':
      return { ...result, answered: false }
    case 'appended':
      if (subject.kind === 'enum') {
        finding({
          kind: 'type-change',
          severity: 'info',
          message: `${label}: enumerators appended; existing values are kept, no existing code changes`
        })
        return result
      }
  }
  const seeing = units.seeing(header)
  if (seeing.tus.length === 0 && seeing.unknown.length > 0) return { ...result, answered: false }
  // Sizes are read from one TU that sees the header; one with every file at hand, so that a
  // definition in a file that could not be read does not leave a wrong alternative alone.
  const files = seeing.tus
    .map(tu => units.unit(tu))
    .find(u => u !== null && u.lost.length === 0)?.files
  const layout =
    texts && files && sizesIn && subject.kind !== 'enum'
      ? keptLayout(label, texts, sizesIn(files, config))
      : undefined
  const kept = layout && 'finding' in layout ? layout : undefined
  // Laid out exactly: only what moves is searched, and a kept size keeps its users and embedders.
  const exact = layout && 'moved' in layout ? layout : undefined
  if (exact) change = { ...change, moved: exact.moved }
  if (kept) {
    if (kept.retyped.length === 0) {
      finding(kept.finding)
      return result
    }
    const touching = retypedUsers(subject, label, kept.retyped, seeing, units, uses)
    result.targets = touching.targets
    finding({
      ...kept.finding,
      severity:
        touching.lost.length > 0 || touching.untyped.length > 0
          ? 'unresolved'
          : kept.finding.severity,
      message:
        `${kept.finding.message}; ${plural(touching.targets.length, 'function')} touch ${listed(kept.retyped)} and are required.` +
        untypedNote(touching.untyped, kept.retyped) +
        unsearchedNote(touching.lost),
      functions: [...new Set(touching.targets.map(t => t.name))].sort().slice(0, 100)
    })
    return result
  }
  const lost = new Set<string>([...seeing.unknown])
  const { targets, add } = targetCollector(subject.kind === 'enum' ? 'enum-value' : 'type-layout', {
    file: header,
    line: subject.line ?? 0
  })
  const data = new Set<string>()
  const embedding = new Map<string, TypeSubject>()
  const known = seeing.tus.flatMap(tu => units.unit(tu) ?? [])
  const knownFiles = new Set(known.flatMap(u => u.files))
  uses.prime(
    knownFiles,
    new Set(
      known.flatMap(u =>
        uses.expand(u.files, subject.kind === 'enum' ? change.moved : subject.spellings)
      )
    )
  )
  const members = change.moved.map(escapeRegExp).join('|')
  const fileList = [...knownFiles]
  const reach = members === '' ? undefined : memberReach(members, header, fileList, uses)
  const access = reach?.pattern
  const paths = new PathSearch(subject.spellings, change.moved, uses, reach?.macros)
  const perUnit =
    subject.kind === 'enum'
      ? new Map<string, UnitNames>()
      : unitNames(known, subject, paths, access, uses)
  // Each unit searches only what no earlier unit did (see unit-search): the rest adds nothing.
  const sized = new PairsOnce()
  const sizes = new Map(
    subject.spellings.map(s => [
      s,
      // By value (`struct obj v`, not `struct obj *p`), or with a sizeof: the size matters.
      new RegExp(`\\bsizeof\\b|\\b${escapeRegExp(s)}\\b(?!\\s*\\*)\\s*[A-Za-z_(]`)
    ])
  )
  const spells = (file: string, name: string): boolean => uses.spells(file, name)
  const all = [...perUnit.values()]
  const pathUsers = new PathUsersOnce(
    paths,
    [...new Set(all.flatMap(n => [...n.paths.pointers, ...n.paths.holders]))],
    spells
  )
  const reaching = [...new Set(all.flatMap(n => n.reach))]
  const reached = new NeedlesOnce(reaching, (file, names) => uses.spelledAmong(file, names))
  // A macro that names the type and accesses a moved member in its own body (`#define
  // EA_BLOCK_CACHE(inode) (((struct ext4_sb_info *)...)->s_ea_block_cache)`) is the access
  // itself: its users spell no `->member`. So is a macro that uses one (`transport_class_to_port`
  // calls `tdev_to_port`, a container_of on a moved member; the functions `ata_port_simple_attr`
  // makes call it in turn).
  const accessing = new Set<string>()
  const templates = new Map<string, TemplateBody[]>()
  if (access) {
    const reachSet = new Set(reaching)
    for (const file of fileList)
      for (const m of uses.accessMacros(file, access)) if (reachSet.has(m)) accessing.add(m)
    if (accessing.size > 0)
      for (const m of uses.expand(fileList, [...accessing])) if (reachSet.has(m)) accessing.add(m)
  }
  for (const tu of seeing.tus) {
    const unit = units.unit(tu)
    if (!unit) continue
    if (unit.lost.length > 0) lost.add(tu)
    if (subject.kind === 'enum') {
      for (const e of change.moved) {
        for (const needle of uses.expand(unit.files, [e])) {
          for (const file of unit.files) {
            if (!uses.spells(file, needle)) continue
            const found = uses.uses(file, needle)
            for (const f of found.functions)
              add(file, f, needle === e ? e : `${e} (through ${needle})`)
            // The enum's own enumerator list spells them: that is the change itself, not data.
            for (const l of found.data) if (!ownLine(subject, file, l)) data.add(`${file}:${l}`)
          }
        }
      }
      continue
    }
    for (const spelling of exact?.sizeKept ? [] : subject.spellings) {
      const size = sizes.get(spelling)!
      for (const file of unit.files) {
        if (!sized.first(spelling, file) || !uses.spells(file, spelling)) continue
        for (const f of uses.usesWith(file, spelling, size))
          add(file, f, `uses the size of ${label}`)
        for (const e of uses.typesEmbedding(file, spelling)) {
          embedding.set(`${file}\u0000${e.name}`, {
            header: file,
            name: e.name,
            spellings: e.spellings,
            change: { kind: 'moved', moved: e.moved, at: `${e.holder} (holds ${label})` },
            kind: 'struct'
          })
        }
      }
    }
    // Members of other types that point to it or hold it reach it without naming it.
    const names = perUnit.get(unit.tu)
    const through = names ? pathUsers.users(unit.files, names.paths) : paths.users(unit.files)
    for (const u of through) add(u.file, u.function, `${u.why} ${label} (through .${u.member})`)
    if (!access) continue
    for (const [needle, file] of reached.take(unit.files, names?.reach ?? [])) {
      if (accessing.has(needle)) {
        for (const f of uses.uses(file, needle).functions)
          add(file, f, `touches moved members of ${label} (through ${needle})`)
        continue
      }
      for (const f of uses.usesWith(file, needle, access))
        add(file, f, `touches moved members of ${label}`)
    }
    for (const g of tracepointUsers(unit, names, subject, change.moved, access, uses, templates))
      add(
        unit.tu,
        { name: g.name, symbols: [g.name], startLine: g.line },
        `touches moved members of ${label} (tracepoint code of ${g.header})`
      )
  }
  const list = [...targets.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
  const names = [...new Set(list.map(t => t.name))].sort()
  const unsearched =
    lost.size > 0
      ? ` ${plural(lost.size, 'TU')} could not be searched (${listed([...lost].sort())}): the list may be short.`
      : ''
  if (subject.kind === 'enum') {
    result.targets = list
    const renamed = change.renamed?.map(r => `${r.from} is renamed ${r.to}`).join(', ')
    finding({
      kind: 'type-change',
      severity: lost.size > 0 ? 'unresolved' : 'warning',
      message: renamed
        ? `${label}: ${renamed}, at the same value: no stored value changes; ${plural(list.length, 'function')} ` +
          `spell the old names and are required.${unsearched}`
        : `${label}: ${change.at ?? 'a change'} renumbers ${listed(change.moved)}; ${plural(list.length, 'function')} ` +
          `use them and are required. Values the running kernel already stored keep the old numbering.${unsearched}`,
      functions: names.slice(0, 100)
    })
    // Renamed at the same value: data spelling the old name (through a compatibility #define,
    // judged as a macro of its own) holds what it held.
    if (data.size > 0 && !renamed)
      finding({
        kind: 'global-change',
        severity: 'unresolved',
        message: `${label}: renumbered enumerators are spelled outside functions at ${listed([...data].sort())}: data of the running kernel keeps the old values`
      })
    return result
  }
  result.layout = list
  const what =
    change.kind === 'appended'
      ? `members appended (${change.at ?? '?'}): offsets are kept, its size changes`
      : change.moved.length === 0
        ? `${change.at ?? 'a member'} resized: its size changes`
        : `${changedMembers(change.at, exact)}: ${listed(change.moved)} move` +
          (exact?.unsized
            ? ` (x86_64 layout around each change; from ${exact.unsized} on, members are taken for moved: ${exact.unsized} cannot be placed without the whole struct)`
            : exact
              ? ` (exact x86_64 layout: the other members keep their offsets${exact.sizeKept ? ', and the size and alignment are kept' : ''})`
              : '')
  result.embedders = [...embedding.values()]
  const embedders =
    embedding.size > 0
      ? ` Held by value in ${listed(result.embedders.map(e => e.name).sort())}, whose layout changes too.`
      : ''
  finding({
    kind: 'type-change',
    severity: 'unresolved',
    message:
      `${label}: ${what}; ${LAYOUT_WHY}. ${plural(list.length, 'function')} in ${seeing.tus.length} TUs touch ` +
      `${change.kind === 'appended' ? 'its size' : 'the moved members or its size'} (layout tier).${embedders}${unsearched}`,
    functions: names.slice(0, 100)
  })
  return result
}

/**
 * An access of one of `members` (an alternation): `->m`, `.m`; `m` as the member designator a
 * macro built on offsetof takes last (`list_for_each_entry(t, &types, link)`, `container_of(p,
 * struct key_type, link)`), which reads the member's offset with no `->link` written; or a call
 * of a macro of the type's own header that accesses one through its parameter
 * (`blk_queue_pm_only(q)` is `atomic_read(&(q)->pm_only)`), or of a macro using such a macro
 * (`GRAPHICS_VER(i915)` is `RUNTIME_INFO(i915)->graphics.ip.ver`); or `m` passed where a macro
 * reads `->P` of its parameter P (`ata_port_simple_attr(local_port_no, port_no, ...)` makes a
 * function reading `ap->local_port_no`). `macros`: the header's accessing macros and those using
 * them, which PathSearch follows as well (`GRAPHICS_VER(engine->i915)`).
 */
function memberReach(
  members: string,
  header: string,
  files: readonly string[],
  uses: UseIndex
): { pattern: RegExp; macros: string[] } {
  const plain = `(?:->|\\.)\\s*(?:${members})\\b`
  const designators = uses
    .designatorMacros(files, uses.expand(files, ['offsetof']))
    .map(escapeRegExp)
    .join('|')
  // A member name passed where a macro reads `->P` of its parameter, at that argument position:
  // the whole argument, or the start of a path into it (`cpuinfo.min_freq`, `data[1]`); earlier
  // arguments may hold parentheses one deep (`(struct host *)p`, `to_host(n)`).
  const arg = '(?:[^,;{}()]|\\([^;{}()]*\\))*'
  const named = [...uses.memberParamMacros(files)].map(
    ([i, macros]) =>
      `|\\b(?:${members})\\b(?=\\s*(?:[,)[.]|->))` +
      `(?<=\\b(?:${macros.map(escapeRegExp).join('|')})\\s*\\((?:${arg},){${i}}\\s*(?:${members}))`
  )
  // The member is matched first and the macro looked behind for: the alternation of a unit's
  // hundreds of designator macros, tried at every word, is slow (key.h's case: 82 -> 103 s).
  const direct =
    `${plain}|,\\s*(?:${members})\\s*\\)(?<=\\b(?:${designators})\\s*\\([^;{}]*)` + named.join('')
  // The header's own macros that access through their parameter, in any of those ways
  // (`#define host_nr2(h) host_field(h, nr)`).
  const own = uses.accessMacros(header, new RegExp(direct))
  if (own.length === 0) return { pattern: new RegExp(direct), macros: [] }
  // And the unit's macros using them, through other macros too: i915_drv.h's RUNTIME_INFO reads
  // `->__runtime`, and hundreds of i915 macros (GRAPHICS_VER, IS_GEN9_LP, HAS_DISPLAY) call it.
  // Matched at each `(` and looked behind for: an alternation of hundreds of names tried at every
  // word is slow (see above).
  const macros = uses.expand(files, own)
  return {
    pattern: new RegExp(`${direct}|\\((?<=\\b(?:${macros.map(escapeRegExp).join('|')})\\s*\\()`),
    macros
  }
}

/**
 * What a TU that defines CREATE_TRACE_POINTS generates from the trace headers it includes and
 * that touches the moved members: the events' code sits outside any function of the header.
 */
function tracepointUsers(
  unit: Unit,
  names: UnitNames | undefined,
  subject: TypeSubject,
  moved: readonly string[],
  access: RegExp,
  uses: UseIndex,
  /** define_trace.h's templates by file, read once for every TU of the type's reach. */
  templates: Map<string, TemplateBody[]>
): GeneratedUse[] {
  const traced = unit.files.filter(f => f !== unit.tu && EVENT_MACROS.some(m => uses.spells(f, m)))
  if (traced.length === 0) return []
  const tu = uses.read(unit.tu)
  const homes = traced.filter(f => createsTracepoints(tu, f))
  if (homes.length === 0 || !names) return []
  // Tracepoint code names the type itself (`TP_PROTO(struct ioc_gq *iocg)`, a template's `struct
  // trace_iterator *iter`) or goes through a member leading to it (`qc->ap->hsm_task_state`): the
  // names a unit's functions are searched by (macros, accessors) are too common in event code,
  // where `->type` or `->flags` mostly reads the record or another struct.
  const spelled = `\\b(?:struct|union)\\s+(?:${subject.spellings.map(escapeRegExp).join('|')})\\b`
  const through = [...names.paths.pointers, ...names.paths.holders].map(escapeRegExp)
  const reach = new RegExp(
    through.length > 0
      ? `${spelled}|(?:->|\\.)\\s*(?:${through.join('|')})\\s*(?:->|\\.)\\s*(?:${moved.map(escapeRegExp).join('|')})\\b`
      : spelled
  )
  const reaches = (code: string): boolean => reach.test(code)
  // define_trace.h's templates: their bodies are every event's code.
  const prefixes = new Set<string>()
  for (const file of unit.files) {
    if (!TEMPLATE_NAMES.some(n => uses.spells(file, n))) continue
    let bodies = templates.get(file)
    if (!bodies) {
      const text = uses.read(file)
      templates.set(file, (bodies = typeof text === 'string' ? templateBodies(text) : []))
    }
    for (const p of templatePrefixes(bodies, access, reaches)) prefixes.add(p)
  }
  const out: GeneratedUse[] = []
  for (const file of homes) {
    const text = uses.read(file)
    if (typeof text !== 'string') continue
    const masked = maskCommentsAndStrings(text)
    const events = traceEvents(masked)
    append(out, generatedUses(file, masked, events, access, reaches))
    if (prefixes.size > 0) append(out, generatedFrom(file, events, [...prefixes]))
  }
  return out
}

/** Identifiers of define_trace.h's function templates (`trace_raw_output_##call`). */
const TEMPLATE_NAMES = ['trace_raw_output_', 'trace_event_raw_event_', 'perf_trace_']

/** What one unit's search asks its files about, beyond the type's own spellings. */
interface UnitNames {
  paths: PathMembers
  /** Identifiers that reach the type's members (see below). */
  reach: string[]
}

/**
 * Each unit's members and reaching identifiers, found before any unit is searched, so that every
 * file is read once for all of them (UseIndex.prime): a unit asking its files about its own new
 * names would read the header's whole reach again for each of thousands of TUs.
 */
function unitNames(
  known: Unit[],
  subject: TypeSubject,
  paths: PathSearch,
  access: RegExp | undefined,
  uses: UseIndex
): Map<string, UnitNames> {
  const out = new Map<string, UnitNames>()
  const names = new Set<string>()
  for (const unit of known) {
    const found = paths.members(unit.files)
    // A moved member is reached through the type's name, a macro of the unit that spells it
    // (`skb_shinfo(skb)->frags` names struct skb_shared_info only inside skb_shinfo), or a function
    // returning a pointer to it (`pkt_sk(sk)->num`).
    const reach = access
      ? uses.expand(unit.files, [
          ...subject.spellings,
          ...uses.accessors(unit.files, subject.spellings)
        ])
      : []
    out.set(unit.tu, { paths: found, reach })
    for (const n of paths.names(found)) names.add(n)
    for (const n of reach) names.add(n)
  }
  // And what tracepointUsers asks every file (whether it defines events or their templates).
  for (const n of [...EVENT_MACROS, ...TEMPLATE_NAMES]) names.add(n)
  uses.prime(new Set(known.flatMap(u => u.files)), names)
  return out
}

function ownLine(subject: TypeSubject, file: string, line: number): boolean {
  const span = subject.spans?.before
  return file === subject.header && span !== undefined && line >= span.start && line <= span.end
}

/**
 * What the fix does to the members, as far as the layout shows it: `kstack_offset,
 * user_dumpable added` when laid out, else the first member that differs.
 */
function changedMembers(at: string | undefined, exact: MovedMembers | undefined): string {
  const parts = [
    exact?.added.length ? `${listed(exact.added)} added` : '',
    exact?.removed.length ? `${listed(exact.removed)} removed` : ''
  ].filter(p => p !== '')
  return parts.length > 0 ? parts.join(', ') : `${at ?? 'a member'} inserted, removed or resized`
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`
}
