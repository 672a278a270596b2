import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigurationError } from '../../src/action/errors.js'
import { parsePolicy, readSettings } from '../../src/action/settings.js'

const saved = { ...process.env }
const dirs: string[] = []

afterEach(() => {
  process.env = { ...saved }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function env(event: string, payload: object, inputs: Record<string, string>): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'klp-settings-'))
  dirs.push(dir)
  writeFileSync(join(dir, 'event.json'), JSON.stringify(payload))
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key]
  process.env.INPUT_TOKEN = 't'
  for (const [k, v] of Object.entries(inputs)) process.env[`INPUT_${k.toUpperCase()}`] = v
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir
  }
}

const PR = { pull_request: { number: 3, base: { sha: 'b' }, head: { sha: 'h' } } }

describe('policy', () => {
  it('accepts a comma list, none, and defaults to missing,unresolved (fail closed)', () => {
    expect(parsePolicy('missing, unresolved')).toEqual(['missing', 'unresolved'])
    expect(parsePolicy('none')).toEqual([])
    expect(parsePolicy('')).toEqual(['missing', 'unresolved'])
  })

  it('names the input, the value and the allowed values', () => {
    expect(() => parsePolicy('missing,fast')).toThrow(
      new ConfigurationError(
        "input 'policy': 'missing,fast' is not allowed; use a comma list of missing, review, unresolved, or none"
      )
    )
    expect(() => parsePolicy('none,missing')).toThrow(/'none,missing' is not allowed/)
  })
})

describe('readSettings', () => {
  it('reads a pull_request with defaults', () => {
    const s = readSettings(env('pull_request', PR, { 'dumps-path': 'x86=out/a,out/b\nout/c' }))
    expect(s).toMatchObject({
      prNumber: 3,
      diff: { kind: 'api' },
      sourceSide: 'post',
      policy: ['missing', 'unresolved'],
      comment: true,
      commentKey: 'default',
      commentAuthor: 'github-actions[bot]',
      dumpPaths: [
        { label: 'x86', patterns: ['out/a', 'out/b'] },
        { label: 'out/c', patterns: ['out/c'] }
      ]
    })
  })

  it('resolves build-path against the workspace, and leaves it out when empty', () => {
    const e = env('pull_request', PR, { 'dumps-path': 'd', 'build-path': 'out' })
    mkdirSync(join(e.GITHUB_WORKSPACE ?? '', 'out'))
    const s = readSettings(e)
    expect(s.build).toBe(join(s.workspace, 'out'))
    expect(readSettings(env('pull_request', PR, { 'dumps-path': 'd' })).build).toBeUndefined()
  })

  it('names build-path, source or a dumps-path label without a path when they are wrong', () => {
    const bad = (inputs: Record<string, string>): string => {
      try {
        readSettings(env('pull_request', PR, { 'dumps-path': 'd', ...inputs }))
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigurationError)
        return (error as Error).message
      }
      return 'accepted'
    }
    expect(bad({ 'build-path': 'nobuild' })).toBe(
      "input 'build-path': 'nobuild' is not allowed; use an existing folder: the kernel's build output (an O= folder)"
    )
    expect(bad({ source: 'event.json' })).toMatch(
      /^input 'source': 'event.json' is not allowed; use an existing folder/
    )
    expect(bad({ 'dumps-path': 'x86=' })).toBe(
      "input 'dumps-path': 'x86=' is not allowed; give a path after the label: `label=path`"
    )
  })

  it('resolves index-cache against the workspace, and leaves it out when empty', () => {
    const s = readSettings(env('pull_request', PR, { 'dumps-path': 'd', 'index-cache': '.klp' }))
    expect(s.indexCache).toBe(join(s.workspace, '.klp'))
    expect(readSettings(env('pull_request', PR, { 'dumps-path': 'd' })).indexCache).toBeUndefined()
  })

  it('takes git refs from the event for diff-source git', () => {
    const s = readSettings(env('pull_request', PR, { 'dumps-path': 'd', 'diff-source': 'git' }))
    expect(s.diff).toEqual({ kind: 'git', base: 'b', head: 'h' })
  })

  it('reads workflow_run: triggering run, pr.json artifact defaulting to the dumps artifact', () => {
    const payload = { workflow_run: { id: 9, head_sha: 'h', pull_requests: [] } }
    const s = readSettings(env('workflow_run', payload, { 'dumps-artifact': 'dumps-*' }))
    expect(s).toMatchObject({ artifactRunId: 9, prNumberArtifact: 'dumps-*', expectedHeadSha: 'h' })
    expect(s.prNumber).toBeUndefined()
  })

  it.each([
    [
      { 'dumps-path': 'd', 'source-side': 'after' },
      /input 'source-side': 'after' is not allowed; use one of pre, post/
    ],
    [
      { 'dumps-path': 'd', comment: 'yes' },
      /input 'comment': 'yes' is not allowed; use true or false/
    ],
    [{ 'dumps-path': 'd', 'pr-number': '#4' }, /input 'pr-number': '#4' is not allowed/],
    [{ 'dumps-path': 'd', 'comment-key': 'a -->' }, /input 'comment-key': 'a -->' is not allowed/],
    [
      { 'dumps-path': 'd', 'base-ref': '--output=x', 'head-ref': 'h' },
      /input 'base-ref': '--output=x'/
    ],
    [
      { 'dumps-path': 'd', 'index-cache': 'a\nb' },
      /input 'index-cache': 'a\nb' is not allowed; use one folder path/
    ],
    [{}, /no dumps: set 'dumps-artifact'/]
  ])('rejects %j', (inputs, message) => {
    expect(() => readSettings(env('pull_request', PR, inputs))).toThrow(message)
  })

  it('needs a diff source when the event names no PR', () => {
    expect(() => readSettings(env('workflow_dispatch', {}, { 'dumps-path': 'd' }))).toThrow(
      /names no pull request; set 'pr-number', 'patch', or 'base-ref' and 'head-ref'/
    )
    const s = readSettings(env('workflow_dispatch', {}, { 'dumps-path': 'd', patch: 'fix.patch' }))
    expect(s.diff).toEqual({ kind: 'patch', patterns: ['fix.patch'] })
  })
})

describe('exact mode inputs', () => {
  it('reads post-dumps-path sets labelled like dumps-path', () => {
    const e = env('pull_request', PR, {
      'dumps-path': 'x86_64=dumps',
      'post-dumps-path': 'x86_64=post'
    })
    expect(readSettings(e).postDumpPaths).toEqual([{ label: 'x86_64', patterns: ['post'] }])
  })

  it('names the input, the value and the labels allowed', () => {
    const e = env('pull_request', PR, {
      'dumps-path': 'x86_64=dumps',
      'post-dumps-path': 'arm64=post'
    })
    expect(() => readSettings(e)).toThrow(
      new ConfigurationError(
        "input 'post-dumps-path': 'arm64' is not allowed; use a label of 'dumps-path' (x86_64)"
      )
    )
  })

  it('refuses a patched build artifact with no base artifact to pair it with', () => {
    // The base sets come from dumps-path: the artifact would be downloaded and never compared.
    const e = env('pull_request', PR, {
      'dumps-path': 'x86_64=dumps',
      'post-dumps-artifact': 'post-dumps'
    })
    expect(() => readSettings(e)).toThrow(
      new ConfigurationError(
        "input 'post-dumps-artifact': 'post-dumps' is not allowed; pair it with 'dumps-artifact' (the base build's artifacts); the base sets come from 'dumps-path', so give the patched build as 'post-dumps-path'"
      )
    )
  })

  it('without them, reads no patched build', () => {
    const settings = readSettings(env('pull_request', PR, { 'dumps-path': 'dumps' }))
    expect(settings.postDumpPaths).toEqual([])
    expect(settings.postDumpsArtifact).toBeUndefined()
  })
})
