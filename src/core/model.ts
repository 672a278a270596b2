import type { ExactStatus, ExactSummary } from './exact/model.js'

/**
 * The domain model shared by every core module. Pure data: no I/O, no toolkit.
 *
 * Vocabulary follows GCC's and the livepatch engineers' own words: a translation unit (TU) is one
 * compiled `.c` file; a dump is its `<src>.000i.ipa-clones`; a node is one cgraph node of that TU; an
 * inline container is the out-of-line function a node was inlined into; an object is `vmlinux` or a
 * module name (with `-` written as `_`, as the livepatch `klp_object.name` wants it).
 */

/** A path relative to the kernel source root, with `/` separators and no `./` prefix. */
export type RepoPath = string

/**
 * `layout`: a function that touches a struct/union member a fix moves, or the type's size: the fix is
 * not livepatchable as it is, and these are its reach (an unresolved finding fails the gate).
 */
export type Tier = 'required' | 'review' | 'layout'

/** How an edge of the clone graph came about. */
export type EdgeKind =
  /** `inlining to`: the callee's body now lives inside the (outermost) caller. */
  | 'inline'
  /** Any other reason: constprop, isra, part, simdclone, target clones, locality_clone, ... */
  | 'clone'

/** Severity of a finding decides how the policy treats it. */
export type FindingSeverity =
  /** The engine could not analyse something: fails the check when the policy includes `unresolved`. */
  | 'unresolved'
  /** Worth a look, never fails the check on its own. */
  | 'warning'
  /** Recorded for completeness (comment-only change, function not built in this configuration). */
  | 'info'

export type FindingKind =
  | 'dump-malformed-line'
  | 'dump-unreadable'
  /** A dump places a changed file's functions at other lines than the source: another build's dump. */
  | 'dump-stale'
  | 'no-dump'
  | 'not-built'
  | 'non-c-file'
  | 'unmapped-hunk'
  | 'source-missing'
  | 'source-mismatch'
  /** A hunk applies with exact context at other line numbers than written (a backport): info. */
  | 'hunk-offset'
  /** A hunk applies only with context lines at its ends ignored (`patch -F`): a warning. */
  | 'hunk-fuzz'
  | 'added-function'
  | 'removed-function'
  | 'type-change'
  | 'global-change'
  /** A variable the fix adds, plain data no old code references: info. */
  | 'added-data'
  | 'macro-change'
  /**
   * A changed header macro that a linker script or an offset generator (`asm-offsets.c`)
   * expands: a link, or constants assembler code reads, that no dump or object shows.
   */
  | 'script-change'
  | 'include-change'
  | 'comment-only'
  /** A changed call to a static inline function whose body every build compiles empty: info. */
  | 'empty-call'
  /** Only spellings GCC compiles alike change (`unsigned char` and `u8`, `__rcu`): info. */
  | 'same-type-spelling'
  | 'line-shift'
  | 'header-out-of-line'
  | 'review-callers-unknown'
  | 'lto-build'
  | 'build-flags'
  | 'symbols-mode'
  | 'declaration-unparsed'
  | 'declaration-duplicate'
  | 'diff-unparsed'
  | 'archive-refused'
  /** The same root-relative file came in twice (two inputs of one set); the first one is used. */
  | 'dump-duplicate'
  /** modules.order lists a module whose `.mod` file is missing: its objects are guessed. */
  | 'module-objects-unknown'
  /** An affected function a livepatch cannot replace (`notrace`, `noinstr`, `__exit`), or `__init` code. */
  | 'not-patchable'
  /** A function prototype between functions: code only when its types or attributes change. */
  | 'prototype-change'
  /** An `extern` variable declaration: code only when its type changes. */
  | 'extern-change'
  /** `EXPORT_SYMBOL*`: the kernel's symbol table, which a livepatch cannot change. */
  | 'export-change'
  /** `MODULE_LICENSE`, `MODULE_ALIAS`, `MODULE_DEVICE_TABLE`...: `.modinfo` only. */
  | 'module-info-change'
  /** `module_param*`: a kernel_param and its variable, data a livepatch cannot change. */
  | 'module-param-change'
  /** A hunk inside TRACE_EVENT/DECLARE_EVENT_CLASS/DEFINE_EVENT: the functions it generates. */
  | 'trace-event'
  /** `#if` structure, `#undef`, `#pragma`, `#error` between functions. */
  | 'preprocessor-change'
  /** An object pair that could not be compared function by function (no -ffunction-sections, unreadable, no pre-fix object). */
  | 'object-compare'
  /** Exact mode: a function predicted from the dumps whose machine code the patched build kept. */
  | 'code-unchanged'
  /** Exact mode: a clone the patched build's dumps show made or dropped (callers not named). */
  | 'gcc-decision'
  /** The persistent scan index (--index-cache) could not be used or saved: every dump was validated. */
  | 'scan-index'
  /** The cache of source parses (--index-cache) could not be saved, or held damaged files. */
  | 'parse-cache'

/** Everything the engine could not do, or wants a human to know, with a reason. */
export interface Finding {
  kind: FindingKind
  severity: FindingSeverity
  message: string
  /** Repository-relative file the finding is about (source file, dump file, declaration file). */
  file?: string
  /** 1-based line in that file (for hunks: first line of the hunk in the new image when present). */
  line?: number
  /** Label of the dump set it concerns; absent when it concerns every set. */
  set?: string
  /** Functions the finding concerns (e.g. users of a changed macro), when known. */
  functions?: string[]
}

/** One C function definition found in a source image. */
export interface FunctionDef {
  /** Name as written in C (for `SYSCALL_DEFINE3(read, ...)`: `__do_sys_read`). */
  name: string
  /**
   * Every symbol name the compiler can give this definition. Usually `[name]`; for syscall wrappers
   * `['__do_sys_read', '__se_sys_read', '__x64_sys_read', '__ia32_sys_read', ...]`.
   */
  symbols: string[]
  /** 1-based first line of the definition (including the return type / attributes). */
  startLine: number
  /** 1-based last line (the closing brace). */
  endLine: number
  /** 1-based line where the body `{` is. */
  bodyLine: number
  /** `static` storage class seen. */
  isStatic: boolean
  /** Defined by a macro invocation (`foo_attr(bar);`): the macro's name. */
  generatedBy?: string
  /**
   * `MACRO(name, ...) { body }` of a macro the engine does not know: `name` is its first argument,
   * a guess at what the macro generates.
   */
  guessed?: true
  /**
   * Annotations on the definition when there are any (`__init`, `notrace`, `section:.noinstr.text`,
   * `no_instrument_function`): they decide whether a livepatch can replace it.
   */
  attributes?: string[]
}

/** A `#define` found in a source image (object-like or function-like). */
export interface MacroDef {
  name: string
  startLine: number
  endLine: number
  /** Parameter names for function-like macros, `undefined` for object-like ones. */
  params?: string[]
}

/** What the locator knows about one source image (one side of one changed file). */
export interface SourceMap {
  functions: FunctionDef[]
  macros: MacroDef[]
  /** Ranges (1-based, inclusive) of top-level declarations that are not functions. */
  declarations: Array<{
    /** `prototype`: a function declaration; `extern`: a variable declared, not defined here. */
    kind: 'type' | 'global' | 'include' | 'prototype' | 'extern' | 'other'
    name?: string
    startLine: number
    endLine: number
  }>
}

/** A function the diff changes, on either side. */
export interface ChangedFunction {
  name: string
  symbols: string[]
  /** Repository-relative source file that defines it (a `.c` or a header). */
  file: RepoPath
  /** Definition line in the pre-image (post-image line for added functions). */
  line: number
  change: 'modified' | 'added' | 'removed'
  /** Why it counts as changed when no hunk touches its body directly. */
  via?: {
    /**
     * `header-macro`: spells (directly or through macros) a `#define` the fix changes in a header;
     * `enum-value`: spells an enumerator it renumbers; `type-layout`: touches what a type change
     * moves (`macro` then says what, in words).
     */
    kind:
      | 'macro-body'
      | 'macro-invocation'
      | 'macro-use'
      | 'header-macro'
      | 'enum-value'
      | 'type-layout'
      | 'trace-event'
    macro: string
  }
  /** Hunk locations that touch it: `file:line` in the new image (old image for pure deletions). */
  hunks: Array<{ file: RepoPath; line: number }>
  /**
   * Labels of the dump sets whose `.config` compiles every changed line of it out: nothing of it
   * changes in those builds.
   */
  notBuiltIn?: string[]
}

/** One step of the explanation of why a function is affected. */
export interface ChainStep {
  /**
   * `gcc-decision`: exact mode saw GCC decide differently after the fix (`reason` says what);
   * `object-diff`: exact mode found the function's machine code changed (`reason` says where).
   */
  kind: 'changed' | 'inlined-into' | 'cloned-as' | 'caller-of' | 'gcc-decision' | 'object-diff'
  /** The function (symbol) reached by this step. */
  name: string
  /**
   * GCC's reason for clone steps (`constprop`, `isra`, `part`, ...); for a `changed` step reached
   * through a header's non-function change, why (`uses macro FOO`).
   */
  reason?: string
}

/** A function whose machine code contains (or depends on) a changed function. */
export interface AffectedFunction {
  /** Label of the dump set this entry comes from. */
  set: string
  /** Symbol name as the compiler emitted it (`tcp_bar.constprop.0`). */
  name: string
  /** TU (source `.c`) whose dump shows it. */
  tu: RepoPath
  /** `vmlinux`, a module name (`-` as `_`), or null when the kbuild files were not given. */
  object: string | null
  tier: Tier
  /**
   * `present`: an out-of-line symbol exists (or is assumed to: no removal line);
   * `removed`: GCC removed the offline copy (fully inlined): nothing to patch by this name, its
   * containers carry the change.
   */
  symbol: 'present' | 'removed'
  /** Set when symbol tables were given and the name occurs more than once in its object. */
  sympos?: number
  /** The changed function this entry stems from. */
  origin: string
  /** A caveat a human should read (e.g. the symbol may not exist), when there is one. */
  note?: string
  /** From the changed function to this one; first step has kind `changed`. */
  chain: ChainStep[]
  /** Set when its definition says a livepatch cannot (or need not) replace it: see `not-patchable`. */
  unpatchable?: Unpatchable
  /** Exact mode only (a patched build was given): how the patched build bears this entry out. */
  exact?: ExactStatus
}

/**
 * `boot-only`: `__init`, freed after boot; `exit`: `__exit`; `noinstr`: `.noinstr.text` or
 * `.entry.text`; `notrace`: no ftrace call site.
 */
export type Unpatchable = 'boot-only' | 'exit' | 'noinstr' | 'notrace'

/** A function the livepatch says it replaces. */
export interface DeclaredFunction {
  /** `vmlinux` or module name with `-` as `_`. */
  object: string
  name: string
  sympos?: number
  /** Replacement function name when the format says it. */
  newName?: string
  /** Where it was declared: `file:line`. */
  source: string
  /** A cpp condition guarding it (SUSE csv), informational. */
  condition?: string
}

export interface Coverage {
  /** Required, present as a symbol, and not declared. */
  missing: AffectedFunction[]
  /** Review tier, not declared. */
  review: AffectedFunction[]
  covered: Array<{ affected: AffectedFunction; declared: DeclaredFunction }>
  /** Declared, but not in the affected set of any dump set: maybe stale. */
  extra: DeclaredFunction[]
  /** Findings of severity `unresolved`, repeated here for the policy. */
  unresolved: Finding[]
  /**
   * Declared functions that match an affected function GCC removed (fully inlined): the kernel
   * cannot find them by that name, so the livepatch would fail to load. Also in `extra` unless
   * another dump set has the symbol.
   */
  declaredRemoved?: Array<{ declared: DeclaredFunction; affected: AffectedFunction }>
  /**
   * Declared by name, but not loadable as declared: the object holds several symbols of that name
   * and `old_sympos` is missing (0), past the last one, or another copy's. Fails like `missing`.
   * Present only when there is one.
   */
  ambiguous?: SymposProblem[]
}

/** A declaration whose `old_sympos` would not resolve to the affected copy at load time. */
export interface SymposProblem {
  affected: AffectedFunction
  declared: DeclaredFunction
  /**
   * `no-sympos`: none (or 0) given; `out-of-range`: past the last symbol; `other-copy`: another
   * TU's (or the changed copy has no symbol and the name is another function's); `unverified`: the
   * tables cannot tell which of several positions is the changed copy.
   */
  reason: 'no-sympos' | 'out-of-range' | 'other-copy' | 'unverified'
  /** Symbols of the name in the object (from the dumps: TUs of the object whose dump keeps a copy). */
  copies: number
  /** The `old_sympos` values the affected copy may have, when symbol tables tell. */
  candidates?: number[]
  message: string
}

export type PolicyItem = 'missing' | 'review' | 'unresolved'

/** What fails the check. Empty = report only. */
export type Policy = PolicyItem[]

export interface DumpSetSummary {
  label: string
  /** Dump files read (empty ones included). */
  dumps: number
  lines: number
  lto: boolean
  /** How symbol existence was decided. */
  symbolsMode: 'dump-only' | 'symbol-tables'
  /** Whether kbuild's `*.mod`/`modules.order` were present to name objects. */
  objectsKnown: boolean
}

/** The versioned JSON report (see README "JSON report"). */
export interface Report {
  schemaVersion: 1
  tool: { name: 'klp-affected'; version: string }
  sets: DumpSetSummary[]
  changed: ChangedFunction[]
  affected: AffectedFunction[]
  /** Null when no livepatch declaration was given. */
  coverage: Coverage | null
  findings: Finding[]
  policy: Policy
  result: 'pass' | 'fail'
  /** Why the result is `fail`, one line per policy item that tripped. */
  reasons: string[]
  /** Present when exact mode ran (post-fix dumps and/or objects were given). */
  exact?: ExactSummary
}
