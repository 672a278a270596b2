import { fileURLToPath } from 'node:url'
import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runtimeToken } from './server.js'

/** jest 29's ESM runtime has no import.meta.dirname. */
const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))

export const ROOT = resolve(TEST_DIR, '../../..')
const CHAIN = join(ROOT, 'fixtures/gcc/chain')

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

export interface RunOptions {
  bundle: string
  apiUrl: string
  workspace: string
  event: string
  payload: object
  inputs: Record<string, string>
  env?: Record<string, string>
}

/** `name<<delimiter` blocks, as @actions/core writes them to GITHUB_OUTPUT. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) out[m[1]] = m[3]
  return out
}

const made: string[] = []

/** Runs the bundle in a child process with the environment the runner gives a JavaScript action. */
export async function runAction(options: RunOptions): Promise<ActionRun> {
  // Kept after the run (tests read the reports it wrote there), removed with the workspaces.
  const home = mkdtempSync(join(tmpdir(), 'klp-run-'))
  made.push(home)
  const files = {
    GITHUB_EVENT_PATH: join(home, 'event.json'),
    GITHUB_OUTPUT: join(home, 'output'),
    GITHUB_STEP_SUMMARY: join(home, 'summary.md')
  }
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(options.payload))
  writeFileSync(files.GITHUB_OUTPUT, '')
  writeFileSync(files.GITHUB_STEP_SUMMARY, '')
  mkdirSync(join(home, 'runner-temp'))
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    ...files,
    GITHUB_EVENT_NAME: options.event,
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_API_URL: options.apiUrl,
    RUNNER_TEMP: join(home, 'runner-temp'),
    ACTIONS_RUNTIME_TOKEN: runtimeToken(),
    ACTIONS_RESULTS_URL: `${options.apiUrl}/`,
    KLP_AFFECTED_RETRY_BASE_MS: '1',
    INPUT_TOKEN: 'ghs_faketoken',
    ...options.env
  }
  for (const [name, value] of Object.entries(options.inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  const child = spawn(process.execPath, [options.bundle], { cwd: options.workspace, env })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  const code = await new Promise<number | null>(done => child.on('close', done))
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')
  }
}

/** The fix: `a` of the chain fixture changes (a is inlined into b, b into c). */
export const FIX = [
  'diff --git a/chain.c b/chain.c',
  '--- a/chain.c',
  '+++ b/chain.c',
  '@@ -2,5 +2,5 @@',
  ' static inline int a(int x)',
  ' {',
  '-\treturn x * 3 + 1;',
  '+\treturn x * 3 + 2;',
  ' }',
  ' ',
  ''
].join('\n')

export function chainDump(): Buffer {
  return readFileSync(join(CHAIN, 'chain.c.000i.ipa-clones'))
}

/** Removes the workspaces `makeWorkspace` made and the runs' folders (a test file's `afterAll`). */
export function removeWorkspaces(): void {
  for (const ws of made.splice(0)) rmSync(ws, { recursive: true, force: true })
}

/**
 * A kernel-tree checkout after the fix (the `pull_request` default), its dumps, livepatch lists
 * (`covered.txt` declares c, `partial.txt` something unrelated) and the fix as `fix.patch`.
 */
export function makeWorkspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'klp-ws-'))
  made.push(ws)
  const pre = readFileSync(join(CHAIN, 'chain.c'), 'utf8')
  writeFileSync(join(ws, 'chain.c'), pre.replace('x * 3 + 1', 'x * 3 + 2'))
  mkdirSync(join(ws, 'dumps'))
  copyFileSync(join(CHAIN, 'chain.c.000i.ipa-clones'), join(ws, 'dumps/chain.c.000i.ipa-clones'))
  writeFileSync(join(ws, 'covered.txt'), 'c\n')
  writeFileSync(join(ws, 'partial.txt'), 'unrelated_function\n')
  writeFileSync(join(ws, 'fix.patch'), FIX)
  return ws
}
