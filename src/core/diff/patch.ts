import parseDiff from 'parse-diff'
import type { Finding } from '../model.js'
import { append, maxOf } from '../arrays.js'
import { withoutOrphanNoNewline } from './no-newline.js'

export interface DiffLine {
  type: 'add' | 'del' | 'ctx'
  text: string
  oldLine?: number
  newLine?: number
}

export interface Hunk {
  oldStart: number
  oldLines: number
  newStart: number
  newLines: number
  lines: DiffLine[]
}

export interface FilePatch {
  oldPath: string | null
  newPath: string | null
  hunks: Hunk[]
  binary: boolean
}

interface RawFile {
  oldPath: string | null
  newPath: string | null
  binary: boolean
}

/**
 * Whether a `---`/`+++` line carries the epoch as its time: `diff -N` writes a missing file (a new
 * one on the old side, a deleted one on the new side) as empty, dated 1970-01-01 in the local zone.
 */
function epochDated(rest: string): boolean {
  const m = /(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.\d+)? ([+-])(\d\d)(\d\d)\s*$/.exec(rest)
  if (!m) return false
  const local = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])
  const offset = (m[7] === '-' ? -1 : 1) * (+m[8] * 60 + +m[9]) * 60000
  return local - offset === 0
}

/** A `---`/`+++` path as written: timestamp (diff -u) and quotes removed; null for /dev/null. */
function headerPath(rest: string): string | null {
  let p = rest.replace(/\t.*$/, '')
  p = p.replace(/\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? [+-]\d{4}$/, '').trim()
  p = p.replace(/^"(.*)"$/, '$1')
  return p === '/dev/null' ? null : p
}

/**
 * File headers in the order parse-diff creates its file records (a new record on `diff `, or on
 * a header line once the current record has hunks), with hunk bodies skipped by their counts so a
 * `--- ` line inside a hunk is never read as a header. parse-diff itself drops `a/`/`b/`
 * prefixes, which would make the strip level ambiguous; these keep the paths as written.
 */
function rawFiles(text: string): RawFile[] {
  const files: Array<RawFile & { hunks: number }> = []
  let cur: (RawFile & { hunks: number }) | null = null
  let oldLeft = 0
  let newLeft = 0
  // Per file: the sides dated at the epoch, and whether every hunk left that side empty (0,0).
  const missing = new Map<RawFile, { old: boolean; new: boolean }>()
  const open = (): RawFile & { hunks: number } => {
    const f = { oldPath: null, newPath: null, binary: false, hunks: 0 }
    files.push(f)
    missing.set(f, { old: false, new: false })
    return f
  }
  for (const line of text.split('\n')) {
    if (oldLeft > 0 || newLeft > 0) {
      if (line.startsWith('\\')) continue
      if (line.startsWith('-')) oldLeft--
      else if (line.startsWith('+')) newLeft--
      else {
        oldLeft--
        newLeft--
      }
      continue
    }
    let m: RegExpExecArray | null
    if (line.startsWith('diff ')) {
      cur = open()
      m = /^diff --git (?:"([^"]+)"|(\S+)) (?:"([^"]+)"|(\S+))$/.exec(line)
      if (m) {
        cur.oldPath = m[1] ?? m[2]
        cur.newPath = m[3] ?? m[4]
      } else {
        // `diff -Nupr old new`: the last two words.
        const words = line.split(/\s+/)
        if (words.length >= 3) {
          cur.oldPath = words[words.length - 2]
          cur.newPath = words[words.length - 1]
        }
      }
    } else if (/^(---|\+\+\+)\s/.test(line)) {
      if (!cur || cur.hunks > 0) cur = open()
      const side = missing.get(cur)
      if (line.startsWith('---')) {
        cur.oldPath = headerPath(line.slice(4))
        if (side) side.old = epochDated(line.slice(4))
      } else {
        cur.newPath = headerPath(line.slice(4))
        if (side) side.new = epochDated(line.slice(4))
      }
    } else if ((m = /^@@\s+-(\d+)(?:,(\d+))?\s+\+(\d+)(?:,(\d+))?\s@@/.exec(line))) {
      cur ??= open()
      cur.hunks++
      oldLeft = m[2] === undefined ? 1 : Number(m[2])
      newLeft = m[4] === undefined ? 1 : Number(m[4])
      const side = missing.get(cur)
      if (side && (m[1] !== '0' || oldLeft !== 0)) side.old = false
      if (side && (m[3] !== '0' || newLeft !== 0)) side.new = false
    } else if (cur && (/^Binary files .* differ$/.test(line) || line === 'GIT binary patch')) {
      cur.binary = true
    } else if (cur && /^new file mode /.test(line)) {
      cur.oldPath = null
    } else if (cur && /^deleted file mode /.test(line)) {
      cur.newPath = null
    }
  }
  return files.map(f => {
    // An epoch-dated side every hunk leaves empty is a file `diff -N` did not find there.
    const side = missing.get(f)
    const gone = (yes: boolean | undefined): boolean => yes === true && f.hunks > 0
    return {
      oldPath: gone(side?.old) ? null : f.oldPath,
      newPath: gone(side?.new) ? null : f.newPath,
      binary: f.binary
    }
  })
}

/** Drops `strip` leading components, like `patch -p<strip>`. */
export function stripPath(path: string, strip: number): string {
  const parts = path.replace(/^\.\//, '').split('/')
  return parts.slice(Math.min(strip, parts.length - 1)).join('/')
}

/** Every path the patch names, as written (no /dev/null), in order of appearance. */
export function rawPatchPaths(text: string): string[] {
  const seen = new Set<string>()
  for (const f of rawFiles(text)) {
    for (const p of [f.oldPath, f.newPath]) if (p !== null) seen.add(p)
  }
  return [...seen]
}

/** Strip level that makes the most paths exist (exists() from the caller); for git a/ b/ prefixes it is 1. */
export function detectStrip(rawPaths: string[], exists: (path: string) => boolean): number {
  const maxDepth = maxOf(
    rawPaths.map(p => p.split('/').length - 1),
    0
  )
  let best = -1
  let bestCount = 0
  for (let s = 0; s <= Math.min(maxDepth, 6); s++) {
    const count = rawPaths.filter(p => exists(stripPath(p, s))).length
    if (count > bestCount) {
      best = s
      bestCount = count
    }
  }
  if (best >= 0) return best
  // Nothing exists (no tree given): git and `diff -Nupr a/ b/` both want one level off.
  return rawPaths.length > 0 && rawPaths.every(p => p.includes('/')) ? 1 : 0
}

function toHunk(chunk: parseDiff.Chunk): Hunk {
  const lines: DiffLine[] = []
  for (const c of chunk.changes) {
    // parse-diff keeps `\ No newline at end of file` as a change; it is no line of either side.
    if (c.content.startsWith('\\')) continue
    const text = c.content.slice(1)
    if (c.type === 'add') lines.push({ type: 'add', text, newLine: c.ln })
    else if (c.type === 'del') lines.push({ type: 'del', text, oldLine: c.ln })
    else lines.push({ type: 'ctx', text, oldLine: c.ln1, newLine: c.ln2 })
  }
  return {
    oldStart: chunk.oldStart,
    oldLines: chunk.oldLines,
    newStart: chunk.newStart,
    newLines: chunk.newLines,
    lines
  }
}

/** Parses git diff / format-patch (several patches in one mbox too) / diff -Nupr output via parse-diff. Paths are returned as written minus the strip level (`strip` leading components, like patch -p). */
export function parsePatch(
  text: string,
  strip: number
): { files: FilePatch[]; findings: Finding[] } {
  const findings: Finding[] = []
  const parsed = parseDiff(withoutOrphanNoNewline(text, findings))
  const raw = rawFiles(text)
  const aligned = raw.length === parsed.length
  if (!aligned && parsed.length > 0) {
    findings.push({
      kind: 'diff-unparsed',
      severity: 'warning',
      message: `file headers (${raw.length}) and parsed files (${parsed.length}) disagree; paths taken from parse-diff`
    })
  }
  const files: FilePatch[] = parsed.map((f, i) => {
    const r = aligned ? raw[i] : undefined
    const fallback = (p: string | undefined): string | null =>
      p === undefined || p === '/dev/null' ? null : p
    const oldRaw = r ? r.oldPath : fallback(f.from)
    const newRaw = r ? r.newPath : fallback(f.to)
    return {
      oldPath: f.new ? null : oldRaw === null ? null : stripPath(oldRaw, aligned ? strip : 0),
      newPath: f.deleted ? null : newRaw === null ? null : stripPath(newRaw, aligned ? strip : 0),
      hunks: f.chunks.map(toHunk),
      binary: r?.binary ?? false
    }
  })
  append(append(findings, malformedHunks(text)), hunkCountMismatches(files))
  for (const f of files) {
    if (f.hunks.length === 0 && !f.binary && f.oldPath !== null && f.newPath !== null) {
      if (f.oldPath === f.newPath) {
        findings.push({
          kind: 'diff-unparsed',
          severity: 'unresolved',
          file: f.newPath,
          message: `the diff names ${f.newPath} but holds no hunk for it (truncated or malformed diff?)`
        })
      }
    }
  }
  if (files.length === 0 && text.trim() !== '') {
    findings.push({
      kind: 'diff-unparsed',
      severity: 'unresolved',
      message: 'no file changes found in the diff (not a unified diff?)'
    })
  }
  return { files, findings }
}

function splitLines(text: string): { lines: string[]; finalNewline: boolean } {
  const finalNewline = text.endsWith('\n')
  const body = finalNewline ? text.slice(0, -1) : text
  return { lines: body === '' ? [] : body.split('\n'), finalNewline }
}

/** Rebuilds the other side of a file from one side + its hunks; null (never throw) when the hunks don't apply (context mismatch). */
export function applyHunks(oldText: string, hunks: Hunk[]): string | null {
  const { lines, finalNewline } = splitLines(oldText)
  const out: string[] = []
  let next = 0
  for (const h of [...hunks].sort((a, b) => a.oldStart - b.oldStart)) {
    // An empty old side (`-0,0` or `-N,0`) inserts after line N.
    const at = h.oldLines === 0 ? h.oldStart : h.oldStart - 1
    if (at < next || at > lines.length) return null
    append(out, lines.slice(next, at))
    let i = at
    for (const l of h.lines) {
      if (l.type === 'add') {
        out.push(l.text)
        continue
      }
      if (i >= lines.length || lines[i].replace(/\r$/, '') !== l.text.replace(/\r$/, ''))
        return null
      if (l.type === 'ctx') out.push(lines[i])
      i++
    }
    next = i
  }
  append(out, lines.slice(next))
  if (out.length === 0) return ''
  // The trailing newline is kept as the input had it; `\ No newline` markers are not tracked.
  return out.join('\n') + (finalNewline ? '\n' : '')
}

/** The hunk read backwards: the post image to the pre image. */
export function reversed(h: Hunk): Hunk {
  return {
    oldStart: h.newStart,
    oldLines: h.newLines,
    newStart: h.oldStart,
    newLines: h.oldLines,
    lines: h.lines.map(l => ({
      type: l.type === 'add' ? 'del' : l.type === 'del' ? 'add' : 'ctx',
      text: l.text,
      oldLine: l.newLine,
      newLine: l.oldLine
    }))
  }
}

export function reverseHunks(newText: string, hunks: Hunk[]): string | null {
  return applyHunks(newText, hunks.map(reversed))
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@/

/**
 * parse-diff skips what it cannot read without a word: a garbled hunk header, or a combined diff
 * (`diff --cc`, `@@@`) of a merge. Each is a change nobody looked at.
 */
function malformedHunks(text: string): Finding[] {
  const findings: Finding[] = []
  let lineNo = 0
  // Lines a hunk header still promises; -1 outside hunks. A `+`/`-` line after a hunk ended and
  // before the next header is a change parse-diff drops (the header's counts are too small).
  let olds = -1
  let news = -1
  let strayReported = false
  for (const line of text.split('\n')) {
    lineNo++
    const header = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(line)
    if (header) {
      olds = header[1] === undefined ? 1 : Number(header[1])
      news = header[2] === undefined ? 1 : Number(header[2])
      strayReported = false
    } else if (olds > 0 || news > 0) {
      const c = line[0]
      if (c === ' ' || c === '' || c === undefined) {
        olds--
        news--
      } else if (c === '-') olds--
      else if (c === '+') news--
      else if (c !== '\\') olds = news = -1
    } else if (olds === 0 && news === 0) {
      const stray =
        (line.startsWith('+') && !line.startsWith('+++ ')) ||
        (line.startsWith('-') && !line.startsWith('--- ') && line !== '-- ' && line !== '--')
      if (stray && !strayReported) {
        strayReported = true
        findings.push({
          kind: 'diff-unparsed',
          severity: 'unresolved',
          line: lineNo,
          message: `line ${lineNo} of the diff changes a line after its hunk ended (the hunk header's counts are too small): that change is not read`
        })
      } else if (!stray && !line.startsWith(' ')) olds = news = -1
    }
    const combined = line.startsWith('diff --cc ') || line.startsWith('diff --combined ')
    const garbled = line.startsWith('@@') && !combined && !HUNK_HEADER.test(line)
    if (combined || garbled) {
      findings.push({
        kind: 'diff-unparsed',
        severity: 'unresolved',
        line: lineNo,
        message: combined
          ? `line ${lineNo} of the diff starts a combined (merge) diff, which is not read: give the fix as a plain unified diff`
          : `line ${lineNo} of the diff is not a valid hunk header: ${line.slice(0, 80)}`
      })
    }
  }
  return findings
}

/** A hunk whose line counts disagree with its body was cut or edited by hand: its lines are not trusted. */
function hunkCountMismatches(files: FilePatch[]): Finding[] {
  const findings: Finding[] = []
  for (const f of files) {
    for (const h of f.hunks) {
      const olds = h.lines.filter(l => l.type !== 'add').length
      const news = h.lines.filter(l => l.type !== 'del').length
      if (olds !== h.oldLines || news !== h.newLines) {
        findings.push({
          kind: 'diff-unparsed',
          severity: 'unresolved',
          file: f.newPath ?? f.oldPath ?? undefined,
          line: h.newStart,
          message: `hunk @@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@ has ${olds} old and ${news} new lines: the diff is truncated or was edited by hand`
        })
      }
    }
  }
  return findings
}
