import { parseArgs } from 'node:util'
import type { DumpSource } from '../app/load-sets.js'
import type { ObjectRoots } from '../app/exact.js'
import type { Policy, PolicyItem } from '../core/model.js'
import { closest } from './suggest.js'

/** A mistake in the command line: exit code 2, message without a stack. */
export class UsageError extends Error {}

export type Format = 'text' | 'markdown' | 'json'

export interface AnalyzeArgs {
  command: 'analyze'
  diff: string
  dumps: DumpSource[]
  source?: string
  /** Kernel build output searched after `source`: generated sources and headers. */
  build?: string
  sourceSide: 'pre' | 'post'
  strip?: number
  livepatch: string[]
  policy: Policy
  format: Format
  output?: string
  json?: string
  /** Exact mode: the patched build's dumps (absent: predicted from the dumps alone). */
  postDumps?: DumpSource[]
  objects?: ObjectRoots[]
  quiet: boolean
}

export interface ExplainArgs {
  command: 'explain'
  /** '' with `all`. */
  name: string
  /** Every inlined or cloned function with its containers (kgraft's default mode). */
  all?: boolean
  file?: string
  dumps: DumpSource[]
  /** Only `unresolved` can trip without a diff or declaration. */
  policy: Policy
  format: Format
  output?: string
  quiet: boolean
}

export type CliArgs =
  AnalyzeArgs | ExplainArgs | { command: 'help' } | { command: 'usage' } | { command: 'version' }

export const USAGE = `Usage:
  klp-affected analyze --diff FILE|- --dumps [LABEL=]PATH [options]
  klp-affected explain FUNCTION --dumps [LABEL=]PATH [--file SRC] [options]
  klp-affected explain --all --dumps [LABEL=]PATH [--format text|json] [options]
  klp-affected help

Commands:
  analyze   map a fix's diff to changed functions, compute every affected function from the
            dumps, and compare with the livepatch's declaration
  explain   every function affected by one symbol (its inline containers and clones)
  help      this text

Options:
  --diff FILE          unified diff of the fix (git diff, format-patch, diff -Nupr); - for stdin
  --dumps [LABEL=]PATH directory or archive (.zip .tar.gz .tgz .tar.xz) of *.ipa-clones dumps;
                       repeat for more paths; the same LABEL joins paths into one dump set
  --source DIR         kernel tree the diff applies to (or just the changed files at tree paths)
  --source-side S      pre (default: DIR is before the fix) or post (after it)
  --build DIR          the kernel's build output (O= folder, or the built tree): generated
                       sources and headers --source lacks are searched there, then in the
                       dump sets (a dump folder, or the .c/.h files a dump archive carries)
  --strip N            -p level of the diff's paths (default: detected against --source)
  --livepatch FILE     livepatch declaration: C (klp_func/klp_object), patched_funcs.csv,
                       KGR_PATCH sources, or a plain [object:]function[,sympos] list; repeatable
  --post-dumps [LABEL=]PATH  exact mode: dumps of the patched build (the recompiled TUs suffice),
                       paired with --dumps by label; .o files in both folders are compared too
  --objects-pre [LABEL=]PATH, --objects-post [LABEL=]PATH
                       exact mode: object trees of the base and the patched build (-ffunction-sections)
  --fail-on LIST       comma list of missing, review, unresolved; or none (default: missing,unresolved)
  --file SRC           explain: only the definition in this source file
  --all                explain: every function GCC inlined or cloned, with its containers
  --format F           text (default), markdown or json
  --output FILE        write the report there instead of stdout
  --json FILE          also write the JSON report to FILE
  --index-cache DIR    keep a scan index of each dump set in DIR: later runs over the same
                       dumps skip validating unchanged files (keyed by each file's SHA-256);
                       analyze also keeps there the parse of every source file it reads
  --quiet              no progress on stderr
  -h, --help           this text
  -V, --version        the version

Exit codes: 0 pass, 1 policy failure, 2 usage or input error.`

const POLICY_ITEMS: readonly PolicyItem[] = ['missing', 'review', 'unresolved']
const FORMATS: readonly Format[] = ['text', 'markdown', 'json']

const OPTIONS = {
  diff: { type: 'string' },
  dumps: { type: 'string', multiple: true },
  source: { type: 'string' },
  build: { type: 'string' },
  'source-side': { type: 'string' },
  strip: { type: 'string' },
  livepatch: { type: 'string', multiple: true },
  'post-dumps': { type: 'string', multiple: true },
  'objects-pre': { type: 'string', multiple: true },
  'objects-post': { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  file: { type: 'string' },
  all: { type: 'boolean' },
  format: { type: 'string' },
  output: { type: 'string' },
  json: { type: 'string' },
  'index-cache': { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' }
} as const

const COMMANDS = ['analyze', 'explain', 'help'] as const

/**
 * Options only one command reads. The other refuses them: an `explain --source` that silently
 * ignored the tree would look like an answer that took it into account.
 */
const ONLY: Record<string, 'analyze' | 'explain'> = {
  diff: 'analyze',
  source: 'analyze',
  build: 'analyze',
  'source-side': 'analyze',
  strip: 'analyze',
  livepatch: 'analyze',
  json: 'analyze',
  'post-dumps': 'analyze',
  'objects-pre': 'analyze',
  'objects-post': 'analyze',
  file: 'explain',
  all: 'explain'
}

/** `{ command: 'usage' }` is a bare `klp-affected`: the usage on stderr, exit 2. */
export function parseCli(argv: string[]): CliArgs {
  if (argv.length === 0) return { command: 'usage' }
  // A first, lenient pass: unknown options and the command are judged before any value is.
  const { tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: OPTIONS
  })
  const given = tokens.filter(t => t.kind === 'option')
  if (given.some(t => t.name === 'help')) return { command: 'help' }
  if (given.some(t => t.name === 'version')) return { command: 'version' }
  const command = tokens.find(t => t.kind === 'positional')?.value
  if (command === 'help') return { command: 'help' }
  if (command !== undefined && command !== 'analyze' && command !== 'explain') {
    throw new UsageError(unknownCommand(command))
  }
  for (const t of given) {
    if (!(t.name in OPTIONS)) throw new UsageError(unknownOption(t.rawName))
    const only = ONLY[t.name]
    if (command !== undefined && only !== undefined && only !== command) {
      throw new UsageError(`${command} does not take ${t.rawName} (an option of ${only})`)
    }
  }
  let parsed
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const { values: v, positionals } = parsed
  if (command === undefined) {
    throw new UsageError('no command given: klp-affected analyze ... or klp-affected explain ...')
  }
  const rest = positionals.slice(1)
  const format = oneOf('--format', v.format ?? 'text', FORMATS)
  const quiet = v.quiet ?? false
  const indexCache = v['index-cache']
  if (indexCache === '') throw new UsageError('--index-cache needs a folder')
  const dumpSources = (values: string[]): DumpSource[] =>
    parseDumps(values).map(d => (indexCache === undefined ? d : { ...d, indexCache }))
  if (command === 'analyze') {
    if (rest.length > 0) throw new UsageError(`analyze takes no arguments, got '${rest.join(' ')}'`)
    if (v.diff === undefined) throw new UsageError('analyze needs --diff FILE (or - for stdin)')
    return {
      command,
      diff: v.diff,
      dumps: dumpSources(v.dumps ?? []),
      source: v.source,
      build: v.build,
      sourceSide: oneOf('--source-side', v['source-side'] ?? 'pre', ['pre', 'post'] as const),
      strip: v.strip === undefined ? undefined : parseStrip(v.strip),
      livepatch: v.livepatch ?? [],
      policy: parsePolicy(v['fail-on'] ?? 'missing,unresolved'),
      format,
      output: v.output,
      ...exactArgs(v['post-dumps'], v['objects-pre'], v['objects-post']),
      json: v.json,
      quiet
    }
  }
  if (v.all) {
    if (rest.length > 0 || v.file !== undefined)
      throw new UsageError('explain --all takes no FUNCTION and no --file: it explains every one')
    if (format === 'markdown') throw new UsageError('explain --all writes text or json')
    const policy = parsePolicy(v['fail-on'] ?? 'none')
    const dumps = dumpSources(v.dumps ?? [])
    return { command, name: '', all: true, dumps, policy, format, output: v.output, quiet }
  }
  if (rest.length === 0) {
    throw new UsageError(
      'explain needs the FUNCTION to explain: klp-affected explain FUNCTION --dumps PATH'
    )
  }
  if (rest.length > 1) {
    throw new UsageError(`explain takes one FUNCTION name, got ${rest.length}: '${rest.join(' ')}'`)
  }
  const dumps = dumpSources(v.dumps ?? [])
  const policy = parsePolicy(v['fail-on'] ?? 'none')
  return { command, name: rest[0], file: v.file, dumps, policy, format, output: v.output, quiet }
}

function unknownCommand(command: string): string {
  const guess = closest(command, COMMANDS)
  return `unknown command '${command}'${guess ? `: did you mean ${guess}?` : ''} (commands: ${COMMANDS.join(', ')})`
}

function unknownOption(raw: string): string {
  const names = Object.entries(OPTIONS).flatMap(([name, o]) => [
    `--${name}`,
    ...('short' in o ? [`-${o.short}`] : [])
  ])
  // `--dumps=x` reaches here as `--dumps` already; `-dumps` is a long option with one dash.
  const bare = raw.replace(/^-+/, '')
  const guess = closest(
    `--${bare}`,
    names.filter(n => n.startsWith('--'))
  )
  return guess
    ? `unknown option '${raw}': did you mean ${guess}?`
    : `unknown option '${raw}' (options: ${names.filter(n => n.startsWith('--')).join(' ')})`
}

function parseDumps(values: string[], option = '--dumps'): DumpSource[] {
  if (values.length === 0) throw new UsageError(`${option} PATH is required`)
  const byLabel = new Map<string, string[]>()
  for (const value of values) {
    const eq = value.indexOf('=')
    const label = eq > 0 ? value.slice(0, eq) : 'default'
    const path = eq > 0 ? value.slice(eq + 1) : value
    if (path === '') throw new UsageError(`${option} '${value}' names no path`)
    byLabel.set(label, [...(byLabel.get(label) ?? []), path])
  }
  return [...byLabel].map(([label, paths]) => ({ label, paths }))
}

/** Exact mode's inputs; none given: exactly the predicted analysis. */
function exactArgs(
  postDumps: string[] | undefined,
  pre: string[] | undefined,
  post: string[] | undefined
): { postDumps?: DumpSource[]; objects?: ObjectRoots[] } {
  const out: { postDumps?: DumpSource[]; objects?: ObjectRoots[] } = {}
  if (postDumps) out.postDumps = parseDumps(postDumps, '--post-dumps')
  if (!pre && !post) return out
  if (!pre || !post) {
    throw new UsageError(
      `${pre ? '--objects-pre' : '--objects-post'} needs ${pre ? '--objects-post' : '--objects-pre'} too: the base and the patched build's objects are compared`
    )
  }
  const before = parseDumps(pre, '--objects-pre')
  const after = parseDumps(post, '--objects-post')
  out.objects = before.map(b => {
    const a = after.find(x => x.label === b.label)
    if (!a) throw new UsageError(`--objects-pre ${b.label}= has no --objects-post of that label`)
    if (a.paths.length > 1 || b.paths.length > 1)
      throw new UsageError(`--objects-pre/--objects-post: one folder per label (${b.label})`)
    return { label: b.label, pre: b.paths[0], post: a.paths[0] }
  })
  for (const a of after) {
    if (!before.some(b => b.label === a.label))
      throw new UsageError(`--objects-post ${a.label}= has no --objects-pre of that label`)
  }
  return out
}

export function parsePolicy(value: string): Policy {
  const items = value
    .split(/[\s,]+/)
    .map(s => s.trim())
    .filter(Boolean)
  if (items.length === 1 && items[0] === 'none') return []
  for (const item of items) {
    if (!(POLICY_ITEMS as readonly string[]).includes(item)) {
      throw new UsageError(
        `--fail-on '${value}': '${item}' is not allowed (allowed: ${POLICY_ITEMS.join(', ')}, or none)`
      )
    }
  }
  if (items.length === 0) throw new UsageError(`--fail-on '${value}' is empty (use none)`)
  return [...new Set(items)] as Policy
}

function parseStrip(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--strip '${value}' is not a whole number >= 0`)
  return Number(value)
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`${name} '${value}' is not allowed (allowed: ${allowed.join(', ')})`)
}
