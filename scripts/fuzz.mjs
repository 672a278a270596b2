#!/usr/bin/env node
// Bounded mutation fuzzing of the built CLI (dist/cli.js), issue 12's proof:
//
//   npm run fuzz -- --runs 300 --seconds 60 [--seed 1] [--jobs 2] [--timeout 30] [--target dump]
//
// Seeds first (the damage classes of issue 12, each with what it must produce), then random
// mutations of dumps, archives, diffs and livepatch files until --runs or --seconds is reached.
// Each case runs main() of the bundle in a worker process (see fuzz/worker.mjs) and is flagged as
//   crash        exit code other than 0/1/2, an internal error on stderr, or the worker dying;
//   hang         no answer within --timeout seconds (the worker is killed);
//   silent pass  exit 0 where the mutation must make a finding, or a seed without its finding;
//   leak         a control character or the planted token in the output.
// Exit status 1 when any is flagged. Needs `npm run package` first (dist/ is what is fuzzed).
import { clearTimeout, setTimeout } from 'node:timers'
import { fork } from 'node:child_process'
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { SECRET, TARGETS, argv as caseArgv, writeBase } from './fuzz/cases.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values: opt } = parseArgs({
  options: {
    runs: { type: 'string', default: '300' },
    seconds: { type: 'string', default: '60' },
    seed: { type: 'string', default: '1' },
    jobs: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '30' },
    target: { type: 'string' },
    verbose: { type: 'boolean', default: false }
  }
})
const runs = Number(opt.runs)
const deadline = Date.now() + Number(opt.seconds) * 1000
const timeoutMs = Number(opt.timeout) * 1000
const example = join(root, 'examples/route-flow-key')

// The bundle runs main() on import; a copy that exports it instead, beside its grammars.
const work = mkdtempSync(join(tmpdir(), 'klp-fuzz-'))
const bundle = readFileSync(join(root, 'dist/cli.js'), 'utf8')
const tail = 'process.exitCode = await main(process.argv.slice(2));'
if (!bundle.includes(tail))
  throw new Error('dist/cli.js: entry line not found (run npm run package)')
writeFileSync(join(work, 'cli-lib.mjs'), bundle.replace(tail, 'export { main };'))
// The entry's chunks (cli-*.js, ES modules) and the grammars sit beside it, as in dist/.
writeFileSync(join(work, 'package.json'), '{"type":"module"}\n')
for (const w of readdirSync(join(root, 'dist')).filter(f => /^cli-.*\.js$|\.wasm$/.test(f)))
  copyFileSync(join(root, 'dist', w), join(work, w))

function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rng = mulberry32(Number(opt.seed))

const INTERNAL =
  /TypeError|RangeError|ReferenceError|SyntaxError|Maximum call stack|Cannot read propert|is not a function|is not iterable|FATAL ERROR|out of memory|main threw|\n\s+at .+:\d+:\d+/
// Tab and newline are text; every other C0/C1 control reaching a terminal is a leak.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

// ---- workers ----------------------------------------------------------------------------------

class Worker {
  constructor(index) {
    this.dir = join(work, `w${index}`)
    this.base = writeBase(example, this.dir)
    this.start()
  }
  start() {
    this.proc = fork(join(root, 'scripts/fuzz/worker.mjs'), [join(work, 'cli-lib.mjs')], {
      execArgv: ['--max-old-space-size=3072'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc']
    })
    this.proc.stderr.on('data', () => undefined)
    this.ready = new Promise(res => {
      const on = m => {
        if (m?.ready) {
          this.proc.off('message', on)
          res()
        }
      }
      this.proc.on('message', on)
    })
  }
  async run(argv) {
    await this.ready
    return new Promise(res => {
      const proc = this.proc
      let fatal = ''
      const done = r => {
        clearTimeout(timer)
        proc.off('message', onMessage)
        proc.off('exit', onExit)
        res(r)
      }
      const onMessage = m => {
        if (m.fatal) fatal = m.fatal
        else if (m.id === 1) done(m)
      }
      const onExit = (code, signal) => {
        this.start()
        done({ died: `worker exited (${signal ?? code}) ${fatal}`.trim() })
      }
      const timer = setTimeout(() => {
        proc.off('exit', onExit)
        proc.kill('SIGKILL')
        this.start()
        done({ hang: true })
      }, timeoutMs)
      proc.on('message', onMessage)
      proc.on('exit', onExit)
      proc.send({ id: 1, argv })
    })
  }
  stop() {
    this.proc.kill('SIGKILL')
  }
}

// ---- judging ----------------------------------------------------------------------------------

function reportOf(dir, code) {
  if (code !== 0 && code !== 1) return undefined
  try {
    return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))
  } catch {
    return undefined
  }
}

const findingKeys = report =>
  new Set((report?.findings ?? []).filter(f => f.severity !== 'info').map(f => `${f.kind}`))

function judge(result, c, dir, baseline) {
  if (result.hang) return ['hang', 'no answer in time']
  if (result.died) return ['crash', result.died]
  const { code, stdout, stderr } = result
  if (![0, 1, 2].includes(code)) return ['crash', `exit ${code}: ${stderr.slice(0, 300)}`]
  if (INTERNAL.test(stderr)) return ['crash', stderr.slice(0, 300)]
  const report = reportOf(dir, code)
  const json = report ? JSON.stringify(report) : ''
  if (CONTROL.test(stdout) || CONTROL.test(stderr))
    return ['leak', 'a control character in the output']
  if ([stdout, stderr, json].some(s => s.includes(SECRET)))
    return ['leak', 'the planted token in the output']
  if (c.seed) {
    if (c.mustFail && code === 0) return ['silent', `${c.name}: passed`]
    if (c.inputError && code === 2) return undefined
    if (c.kinds?.length) {
      const kinds = findingKeys(report)
      if (!c.kinds.some(k => kinds.has(k)))
        return [
          'silent',
          `${c.name}: exit ${code} without ${c.kinds.join('/')}: ${stderr.slice(0, 200)}`
        ]
    } else if (c.inputError && !c.mustFail)
      return ['silent', `${c.name}: exit ${code}, not an input error`]
    return undefined
  }
  if (code === 0) {
    const added = [...findingKeys(report)].filter(k => !baseline.has(k))
    if (added.length === 0) return ['silent', 'passed with no finding the clean run lacks']
  }
  return undefined
}

// ---- schedule ---------------------------------------------------------------------------------

const targets = Object.entries(TARGETS).filter(([name]) => !opt.target || name === opt.target)
const queue = []
for (const [target, t] of targets)
  for (const [name, make] of t.seeds) queue.push({ target, name, make, seed: true })
const randomTargets = targets.filter(([, t]) => t.random)
let made = 0
function nextCase() {
  if (made >= runs || Date.now() > deadline) return undefined
  made++
  if (queue.length > 0) return queue.shift()
  if (randomTargets.length === 0) return undefined
  const [target, t] = randomTargets[Math.floor(rng() * randomTargets.length)]
  const caseRng = mulberry32(Math.floor(rng() * 2 ** 32))
  return { target, name: 'random', make: (base, dir) => t.random(base, dir, caseRng), seed: false }
}

const totals = {}
const flagged = []
const jobs = Math.max(1, Number(opt.jobs))
const workers = Array.from({ length: jobs }, (_, i) => new Worker(i))

async function baselineOf(w) {
  rmSync(join(w.dir, 'report.json'), { force: true })
  const r = await w.run(caseArgv(w.base, w.dir, { dumps: w.base.dumps }))
  const report = reportOf(w.dir, r.code)
  if (r.code !== 1 || !report) throw new Error(`baseline run: exit ${r.code} ${r.stderr ?? ''}`)
  const clean = caseArgv(w.base, w.dir, { dumps: w.base.dumps, livepatch: w.base.complete })
  const ok = await w.run(clean)
  if (ok.code !== 0)
    throw new Error(`complete livepatch run: exit ${ok.code} ${ok.stdout.slice(0, 2000)}`)
  return findingKeys(report)
}

async function loop(w) {
  const baseline = await baselineOf(w)
  for (let c = nextCase(); c; c = nextCase()) {
    const t = (totals[c.target] ??= { runs: 0, crash: 0, hang: 0, silent: 0, leak: 0 })
    let verdict
    try {
      rmSync(join(w.dir, 'report.json'), { force: true })
      const spec = c.make(w.base, w.dir)
      Object.assign(c, spec)
      const result = await w.run(caseArgv(w.base, w.dir, spec))
      verdict = judge(result, c, w.dir, baseline)
      if (opt.verbose)
        console.error(`${c.target} ${c.name}: exit ${result.code ?? '-'} ${result.ms ?? ''} ms`)
    } catch (error) {
      verdict = ['crash', `harness: ${error.stack}`]
    }
    t.runs++
    if (verdict) {
      t[verdict[0]]++
      flagged.push({ target: c.target, name: c.name, what: verdict[0], detail: verdict[1] })
    }
  }
}

const started = Date.now()
try {
  await Promise.all(workers.map(loop))
} finally {
  workers.forEach(w => w.stop())
  rmSync(work, { recursive: true, force: true })
}
const seconds = ((Date.now() - started) / 1000).toFixed(0)
console.log(`fuzz: ${made} runs in ${seconds} s (seed ${opt.seed})`)
console.log('target     runs  crashes  hangs  silent passes  leaks')
for (const [name, t] of Object.entries(totals))
  console.log(
    `${name.padEnd(9)} ${String(t.runs).padStart(5)} ${String(t.crash).padStart(8)} ${String(t.hang).padStart(6)} ${String(t.silent).padStart(14)} ${String(t.leak).padStart(6)}`
  )
for (const f of flagged.slice(0, 30))
  console.log(`  ${f.what}: [${f.target}] ${f.name}: ${f.detail}`)
process.exitCode = flagged.length > 0 ? 1 : 0
