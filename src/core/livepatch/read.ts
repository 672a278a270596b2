import type { DeclaredFunction, Finding } from '../model.js'
import { applyConditions, type ConditionEvaluator } from './conditions.js'
import { readKlpC, type CFileResult, type FuncArray, type ObjectEntry } from './klp-c.js'
import { readPlainList, readSuseCsv } from './line-formats.js'
import { ANY_OBJECT, unparsed } from './names.js'

export interface DeclarationFile {
  path: string
  text: string
}

export type DeclarationFormat = 'c' | 'suse-csv' | 'plain'

const C_MARKERS = /\bstruct\s+klp_(func|object)\b|\bKGR_PATCH\w*\s*\(/

/**
 * The name decides when it is unambiguous; otherwise the content: C markers first, then a
 * three-column layout means SUSE csv (a plain list has one field per line).
 */
export function detectFormat(file: DeclarationFile): DeclarationFormat {
  const p = file.path.toLowerCase()
  if (/\.(c|h|inc)$/.test(p)) return 'c'
  if (p.endsWith('.csv')) return 'suse-csv'
  if (C_MARKERS.test(file.text)) return 'c'
  let wide = 0
  let total = 0
  for (const raw of file.text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim()
    if (line === '') continue
    total++
    if (line.split(/\s+/).length >= 3) wide++
  }
  return total > 0 && wide * 2 > total ? 'suse-csv' : 'plain'
}

/**
 * Detects each file's format from name and content; returns every declared function. `evaluate`
 * decides the `#if` conditions of C entries for one build (its `.config`); without it conditional
 * entries are kept with a warning naming the condition.
 */
export function readDeclarations(
  files: DeclarationFile[],
  evaluate?: ConditionEvaluator
): {
  declared: DeclaredFunction[]
  findings: Finding[]
} {
  const sorted = [...files].sort((a, b) => cmp(a.path, b.path))
  const declared: DeclaredFunction[] = []
  const findings: Finding[] = []
  const cResults: CFileResult[] = []
  // A csv entry's cpp condition column is decided as a C entry's #if is.
  const listed: DeclaredFunction[] = []
  for (const file of sorted) {
    try {
      const format = detectFormat(file)
      if (format === 'c') {
        const r = readKlpC(file.path, file.text, evaluate)
        if (!r.recognized) {
          findings.push(
            unparsed(file.path, 1, 'no klp_func/klp_object array or KGR_PATCH entry found')
          )
        }
        cResults.push(r)
        for (const f of r.findings) findings.push(f)
        continue
      }
      const r =
        format === 'suse-csv'
          ? readSuseCsv(file.path, file.text)
          : readPlainList(file.path, file.text)
      if (r.declared.length === 0 && r.findings.length === 0) {
        findings.push(unparsed(file.path, 1, 'declaration file declares no function', 'warning'))
      }
      for (const d of r.declared) listed.push(d)
      for (const f of r.findings) findings.push(f)
    } catch (e) {
      // A reader bug must not abort the whole run: the file is reported as not understood.
      findings.push(unparsed(file.path, 1, `declaration file could not be read: ${String(e)}`))
    }
  }
  const c = resolveObjects(cResults)
  const conditional = applyConditions([...listed, ...c.declared], evaluate)
  for (const d of conditional.declared) declared.push(d)
  for (const f of c.findings) findings.push(f)
  for (const f of conditional.findings) findings.push(f)
  return { declared: dedupe(declared, findings), findings: sortFindings(findings) }
}

/**
 * A livepatch may keep its `klp_func` arrays and its `klp_object` array in different files, so the
 * `.funcs = name` references are resolved across all C files, preferring the same file.
 */
function resolveObjects(results: CFileResult[]): {
  declared: DeclaredFunction[]
  findings: Finding[]
} {
  const declared: DeclaredFunction[] = []
  const findings: Finding[] = []
  const arrays = results.flatMap(r => r.funcArrays)
  const used = new Set<FuncArray>()
  // With the klp_patch in view, what it does not register is never walked by the kernel.
  const patched = results.some(r => r.hasPatch)
  const registered = new Set(results.flatMap(r => r.registered))
  const opaque = results.some(r => r.hasPatch && r.registered.length === 0)
  const emit = (arr: FuncArray, object: string, objCondition?: string): void => {
    for (const e of arr.entries) {
      const d: DeclaredFunction = { object, name: e.name, source: `${arr.file}:${e.line}` }
      if (e.sympos !== undefined) d.sympos = e.sympos
      if (e.newName !== undefined) d.newName = e.newName
      const condition = joinConditions(objCondition, e.condition)
      if (condition !== undefined) d.condition = condition
      declared.push(d)
    }
  }
  for (const r of results) {
    for (const d of r.declared) declared.push(d)
    for (const obj of r.objects) {
      if (obj.funcs === null) continue
      const ref = 'inline' in obj.funcs ? undefined : obj.funcs.ref
      const arr =
        'inline' in obj.funcs
          ? obj.funcs.inline
          : (arrays.find(a => a.name === ref && a.file === obj.file) ??
            arrays.find(a => a.name === ref))
      if (arr && (obj.unmatched !== undefined || obj.afterEnd !== undefined)) {
        used.add(arr)
        findings.push(notPatched(obj, arr))
        continue
      }
      if (arr && patched && !opaque && !registered.has(obj.array)) {
        used.add(arr)
        findings.push(unregistered(obj, arr))
        continue
      }
      if (arr && 'inline' in obj.funcs) {
        emit(arr, obj.object, obj.condition)
        continue
      }
      if (!arr) {
        findings.push(
          unparsed(
            obj.file,
            obj.line,
            `klp_object ${obj.object} uses klp_func array ${ref}, not found`
          )
        )
        continue
      }
      used.add(arr)
      emit(arr, obj.object, obj.condition)
    }
  }
  for (const arr of arrays) {
    if (used.has(arr) || arr.entries.length === 0) continue
    if (patched && !opaque) {
      findings.push({
        ...unparsed(
          arr.file,
          arr.line,
          `klp_func array ${arr.name} is not used by any klp_object the klp_patch registers: the kernel never patches ${arr.entries.map(e => e.name).join(', ')}`,
          'warning'
        ),
        functions: arr.entries.map(e => e.name)
      })
      continue
    }
    findings.push(
      unparsed(
        arr.file,
        arr.line,
        `klp_func array ${arr.name} is not used by any klp_object: its functions match any object`,
        'warning'
      )
    )
    emit(arr, ANY_OBJECT)
  }
  return { declared, findings }
}

function joinConditions(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || b === undefined) return a ?? b
  return `(${a}) && (${b})`
}

/** An object array no `klp_patch` registers: the kernel never walks it. */
function unregistered(obj: ObjectEntry, arr: FuncArray): Finding {
  const names = arr.entries.map(e => e.name)
  return {
    ...unparsed(
      obj.file,
      obj.line,
      `klp_object array ${obj.array} is not the .objs of any klp_patch: the kernel never walks it, so ${names.length > 0 ? names.join(', ') : 'no function'} are not patched`,
      'warning'
    ),
    functions: names
  }
}

/** An object the kernel never reaches or never finds: its functions are named, not declared. */
function notPatched(obj: ObjectEntry, arr: FuncArray): Finding {
  const names = arr.entries.map(e => e.name)
  const what = names.length > 0 ? names.join(', ') : 'no function'
  const message =
    obj.unmatched !== undefined
      ? `klp_object "${obj.object}" names no module the kernel can find (${obj.unmatched}): the livepatch patches nothing in it, so ${what} are not patched`
      : `klp_object ${obj.object} comes after the array's ${obj.afterEndWhat === undefined ? 'all-zero entry' : `${obj.afterEndWhat},`} at line ${obj.afterEnd}: the kernel stops there, so ${what} are not patched`
  return {
    ...unparsed(
      obj.file,
      obj.line,
      message,
      obj.unmatched !== undefined ? 'unresolved' : 'warning'
    ),
    functions: names
  }
}

/** The same symbol declared twice is legal for the reader but usually a copy-paste slip. */
function dedupe(declared: DeclaredFunction[], findings: Finding[]): DeclaredFunction[] {
  const seen = new Map<string, DeclaredFunction>()
  const out: DeclaredFunction[] = []
  for (const d of declared) {
    const key = `${d.object}\0${d.name}\0${d.sympos ?? ''}\0${d.condition ?? ''}`
    const first = seen.get(key)
    if (first) {
      const [file, line] = splitSource(d.source)
      findings.push({
        kind: 'declaration-duplicate',
        severity: 'warning',
        message: `${d.object}:${d.name} is declared again (first at ${first.source})`,
        file,
        line,
        functions: [d.name]
      })
      continue
    }
    seen.set(key, d)
    out.push(d)
  }
  return out
}

function splitSource(source: string): [string, number | undefined] {
  const m = /^(.*):(\d+)$/.exec(source)
  return m ? [m[1], Number(m[2])] : [source, undefined]
}

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      cmp(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || cmp(a.message, b.message)
  )
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
