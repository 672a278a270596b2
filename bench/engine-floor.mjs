#!/usr/bin/env node
// The engine's floor for one query (issue 13): what any run that validates every line must do,
// in a Node process of its own, on one thread: walk the folder, read every dump into one buffer
// and run the line check (the compiled module the scan uses, with the query's name as its focus)
// over its bytes. No root detection, no findings, no set, no report. The bench times the whole
// process (Node's start included) beside ours, so that each run tells how much of ours is above
// what full validation costs on that machine (see README, "Where issue 13's targets stand").
//
//   node bench/engine-floor.mjs DIR [NAME]   # prints {"dumps","bytes","walkMs","readMs","checkMs"}
//
// Needs the compiled library in build/ (npm run bench compiles it).
import { readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { readBytes } = await import(join(root, 'build/adapters/fs/dump-bytes.js'))
const { lineCheck, LineFocus } = await import(join(root, 'build/core/line-check/line-check.js'))

const [dir, name = 'sk_free'] = process.argv.slice(2)
const dump = /\.\d{3}i\.ipa-clones$/
const t0 = performance.now()
const files = []
const walk = d => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    // Joined by hand: path.join normalizes, which the floor need not pay.
    const p = `${d}/${e.name}`
    if (e.isDirectory()) walk(p)
    else if (e.isFile() && dump.test(e.name)) files.push(p)
  }
}
walk(dir.replace(/\/+$/, '') || '/')
const t1 = performance.now()
const check = lineCheck()
if (!check) throw new Error('engine-floor: no WebAssembly here')
const focus = new LineFocus([name], [])
let readMs = 0
let checkMs = 0
let bytes = 0
for (const f of files) {
  const a = performance.now()
  const b = readBytes(f)
  const m = performance.now()
  // -1 (a line names the focus, or is malformed) is an answer like any other here.
  check.check(b, focus)
  readMs += m - a
  checkMs += performance.now() - m
  bytes += b.length
}
console.log(JSON.stringify({ dumps: files.length, bytes, walkMs: t1 - t0, readMs, checkMs }))
