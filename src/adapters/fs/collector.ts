import { crc32 } from 'node:zlib'
import { HeaderDeps } from '../../core/impact/deps.js'
import { parseScriptList, type ScriptList } from '../../core/scripts/targets.js'
import type { Finding } from '../../core/model.js'
import { isGeneratedSource, roleOf, trimCmd } from './classify.js'
import { SetSources } from './generated.js'
import { RootDetector } from './set-root.js'
import type { HeldText, MakeReread } from '../../core/dumps/text-store.js'
import type { ScannedDump } from '../../core/dumps/scanner.js'
import { heldBytes, heldGraph, rereadFrom, spilledBytes } from './reread.js'
import type { CmdHead, ScanSpec, ScannedDumpFile } from './scan-pool.js'
import type { ScanIndex } from '../../core/scan-index/store.js'

/** The part of DumpSet the loader feeds; lets the loader be tested without the real index. */
export interface DumpSink {
  addDump(path: string, text: string, rereadable?: MakeReread): void
  /** A sink that takes dumps scanned on other threads (DumpSet) says how to scan them. */
  readonly scanSpec?: ScanSpec
  addScanned?(scanned: ScannedDump, rereadable?: MakeReread, held?: HeldText, digest?: string): void
}

type Item =
  | {
      text: string
      /** The file on disk the text was read from, when it can be read again. */
      file?: string
    }
  | { cmd: CmdHead }
  | (Omit<ScannedDumpFile, 'made'> & { file: string })

export interface KbuildFiles {
  /** `net/netfilter/xt_LOG.mod` -> its text. */
  mods: Map<string, string>
  /** The top-level modules.order; else the union of the per-folder ones. */
  modulesOrder?: string
  /** `net/ipv4/.tcp.o.cmd` -> its `cmd_`/`source_` lines only. */
  cmds: Map<string, string>
  /** `drivers/.built-in.a.cmd`, `.vmlinux.a.cmd` -> their `cmd_` lines: the archives' members. */
  archives: Map<string, string>
  /**
   * `arch/x86/kernel/.vmlinux.lds.cmd`, `.asm-offsets.s.cmd`, `.head_64.o.cmd` of a `.S` -> its
   * list (src/core/scripts).
   */
  scripts: Map<string, ScriptList>
  /** Symbol files (System.map, *.nm, *.syms, kallsyms) by root-relative path. */
  symbols: Map<string, string>
  config?: string
  /** The `deps_` lists of the `.cmd` files: which TU was compiled from which files. */
  deps?: HeaderDeps
  /** Generated sources: archive entries, and the folders' roots to read them from on demand. */
  generated: SetSources
}

const PROGRESS_EVERY = 1000

/** Routes each file of one dump set, found in any of its inputs, to the DumpSet or the kbuild side. */
export class Collector {
  readonly kbuild: KbuildFiles = {
    mods: new Map(),
    cmds: new Map(),
    archives: new Map(),
    scripts: new Map(),
    symbols: new Map(),
    generated: new SetSources()
  }
  readonly findings: Finding[] = []
  /**
   * Path -> the input it came from, and a fingerprint of its text when several inputs are joined
   * (the input alone otherwise: an object per file was 27,000 to make and collect at 10x).
   */
  private readonly seen = new Map<string, string | { origin: string; print: string }>()
  private readonly subOrders: string[] = []
  private root: RootDetector<Item> | undefined
  private origin = ''
  /** The input folder being read; undefined for an archive. */
  private folder: string | undefined
  private files = 0
  private sourcesDropped = 0

  /**
   * `inputs` > 1: several inputs joined into one set may hold the same file (a modules.order in
   * both artifacts), so each file is fingerprinted to tell an identical copy from a different one.
   * A single input costs nothing: a path twice in one archive is refused whatever its content.
   */
  constructor(
    private readonly label: string,
    private readonly sink: DumpSink,
    private readonly onProgress?: (msg: string) => void,
    private readonly inputs = 1,
    private readonly index?: ScanIndex
  ) {}

  /** The persistent scan index, when the set is read through one (directories only). */
  get scanIndex(): ScanIndex | undefined {
    return this.sink.addScanned ? this.index : undefined
  }

  /** `folder`: the input is that directory (its generated sources are read from it on demand). */
  beginInput(origin: string, folder?: string): void {
    this.origin = origin
    this.folder = folder
    this.root = new RootDetector<Item>()
  }

  /** `path` is relative to the input (directory or archive); the text is decoded once, here or by the reader. */
  add(path: string, text: string, file?: string): void {
    this.offer(path, { text, file })
  }

  /** How dumps are to be scanned elsewhere, when the sink takes them so. */
  get scanSpec(): ScanSpec | undefined {
    const spec = this.sink.addScanned ? this.sink.scanSpec : undefined
    return spec && { ...spec, ...(this.inputs > 1 ? { print: true } : {}) }
  }

  /**
   * A dump of a directory already read and scanned (see scan-pool.ts), under the root-relative
   * path it was scanned as; `print` as `route` would make it, when several inputs are joined.
   */
  addScanned(path: string, file: string, sent: ScannedDumpFile): void {
    const { scanned, print, bytes, spilled, digest, graph, size } = sent
    this.offer(path, { scanned, file, print, bytes, spilled, digest, graph, size })
  }

  /**
   * Whether an archive's `.c`/`.h` entry of `bytes` is to be read: past the generated sources'
   * budget it is skipped, counted, never held (a whole build tree packed by mistake must not
   * crowd the dumps out of the archive's memory budget).
   */
  wantsSource(bytes: number): boolean {
    if (this.kbuild.generated.reserve(bytes)) return true
    this.sourcesDropped++
    return false
  }

  /** A `.cmd` file read and parsed on a scan thread (see cmd-head.ts). */
  addCmd(path: string, cmd: CmdHead): void {
    this.offer(path, { cmd })
  }

  private offer(path: string, item: Item): void {
    for (const f of this.root?.offer(path, item) ?? []) this.route(f.path, f.item)
  }

  endInput(): void {
    for (const f of this.root?.finish() ?? []) this.route(f.path, f.item)
    if (this.folder !== undefined)
      this.kbuild.generated.addFolder(this.folder, this.root?.root ?? '')
    this.root = undefined
  }

  refuse(entry: string, reason: string): void {
    this.findings.push({
      kind: 'archive-refused',
      severity: 'unresolved',
      message: `${this.origin}: entry ${JSON.stringify(entry)} refused: ${reason}`,
      file: entry,
      set: this.label
    })
  }

  unreadable(entry: string, reason: string): void {
    this.findings.push({
      kind: 'dump-unreadable',
      severity: 'unresolved',
      message: `${this.origin}: ${entry} could not be read: ${reason}`,
      file: entry,
      set: this.label
    })
  }

  finish(): KbuildFiles {
    if (this.sourcesDropped > 0)
      this.findings.push({
        kind: 'archive-refused',
        severity: 'warning',
        message: `${this.sourcesDropped} generated source file(s) not kept: the set's archives hold more C source than the ${this.kbuild.generated.budget} bytes kept for searches (pack only the files kbuild generated); a TU that reads one is "could not be searched"`,
        set: this.label
      })
    if (this.kbuild.modulesOrder === undefined && this.subOrders.length > 0) {
      // Each folder's modules.order names modules by their full tree path, so the union is the top one.
      const lines = new Set(this.subOrders.flatMap(t => t.split('\n')).filter(l => l.trim() !== ''))
      this.kbuild.modulesOrder = [...lines].join('\n') + '\n'
    }
    return this.kbuild
  }

  private route(path: string, item: Item): void {
    const role = roleOf(path)
    if (!role) {
      // No duplicate finding: a source no search reads is no doubt (SetSources marks two
      // different copies unreadable, and a search that wants one says so).
      const { text } = 'text' in item ? item : { text: undefined }
      if (text !== undefined && isGeneratedSource(path)) this.kbuild.generated.keep(path, text)
      return
    }
    if ('scanned' in item) {
      // Scanned under the path the reader computed with this same root detection.
      if (role !== 'dump' || item.scanned.path !== path || !this.sink.addScanned)
        throw new Error(`internal: ${path} was scanned as ${item.scanned.path}`)
      if (!this.first(path, item.print)) return
      const held = item.bytes
        ? heldBytes(item.bytes, item.file, path)
        : item.graph && item.spilled
          ? heldGraph(item.graph, item.spilled, item.file, path, item.size)
          : item.spilled && spilledBytes(item.spilled, item.file, path)
      this.sink.addScanned(item.scanned, rereadFrom(item.file, path), held, item.digest)
      this.counted()
      return
    }
    if ('cmd' in item) {
      // Never joined from several inputs (see DumpFeed): no fingerprint to compare.
      if (role !== 'cmd' || !this.first(path, undefined)) return
      this.kbuild.cmds.set(path, item.cmd.text)
      const deps = (this.kbuild.deps ??= new HeaderDeps())
      const parsed = item.cmd.deps
      if (parsed) deps.addParsed({ ...parsed, files: parsed.files.split('\n') })
      const script = item.cmd.script
      if (script) this.kbuild.scripts.set(path, { ...script, files: script.files.split('\n') })
      this.counted()
      return
    }
    const { text, file } = item
    if (!this.first(path, this.inputs > 1 ? `${text.length}:${crc32(text)}` : undefined)) return
    switch (role) {
      case 'dump':
        this.sink.addDump(path, text, file === undefined ? undefined : rereadFrom(file, path))
        break
      case 'mod':
        this.kbuild.mods.set(path, text)
        break
      case 'modules-order':
        if (path === 'modules.order') this.kbuild.modulesOrder = text
        else this.subOrders.push(text)
        break
      case 'cmd':
        this.kbuild.cmds.set(path, trimCmd(text))
        if ((this.kbuild.deps ??= new HeaderDeps()).add(text) === undefined) this.script(path, text)
        break
      case 'archive':
        this.kbuild.archives.set(path, trimCmd(text))
        break
      case 'script':
        this.script(path, text)
        break
      case 'symbols':
        this.kbuild.symbols.set(path, text)
        break
      case 'config':
        if (path === '.config') this.kbuild.config = text
        break
    }
    this.counted()
  }

  private script(path: string, text: string): void {
    const list = parseScriptList(text)
    if (list) this.kbuild.scripts.set(path, list)
  }

  /** False, with a finding, when `path` was already given (by this input or an earlier one). */
  private first(path: string, print: string | undefined): boolean {
    const known = this.seen.get(path)
    if (known !== undefined) {
      const first = typeof known === 'string' ? { origin: known, print: undefined } : known
      const same = print !== undefined && first.print === print
      // Which of two different copies the build really made is not knowable here (a stale
      // artifact, `tar rf` appending a newer file): using either could drop a function.
      this.findings.push({
        kind: 'dump-duplicate',
        severity: same ? 'info' : 'unresolved',
        message: same
          ? `${path} is in both ${first.origin} and ${this.origin}, identical; one copy is used`
          : `${path} is ${first.origin === this.origin ? 'twice in' : `in both ${first.origin} and`} ` +
            `${this.origin}${print === undefined ? '' : ' with different contents'}; which one the ` +
            'build made is not knowable here, the first one is used',
        file: path,
        set: this.label
      })
      return false
    }
    this.seen.set(path, print === undefined ? this.origin : { origin: this.origin, print })
    return true
  }

  private counted(): void {
    this.files++
    if (this.files % PROGRESS_EVERY === 0) {
      this.onProgress?.(`${this.label}: ${this.files} files read`)
    }
  }
}
