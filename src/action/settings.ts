import { statSync } from 'node:fs'
import * as core from '@actions/core'
import { isAbsolute, join, resolve } from 'node:path'
import type { Policy, PolicyItem } from '../core/model.js'
import { badInput, ConfigurationError } from './errors.js'
import { readEvent } from './event.js'

/** Where the fix's unified diff comes from. */
export type DiffSetting =
  /** Patch files in the workspace (a livepatch repository carrying the upstream fix). */
  | { kind: 'patch'; patterns: string[] }
  /** `git diff base...head` in the workspace (needs the history: `fetch-depth: 0`). */
  | { kind: 'git'; base: string; head: string }
  /** The pull request's diff from the REST API. */
  | { kind: 'api' }

/** A dump set given as workspace paths. */
export interface DumpPathSetting {
  /** Label shown in the report (`label=path` form, else the path as written). */
  label: string
  /** Paths or globs relative to the workspace: directories or archives. */
  patterns: string[]
}

export interface Settings {
  /** Token for the REST API: PR diff, comments, artifacts of another run. */
  token: string
  /** Repository the workflow runs in. */
  owner: string
  repo: string
  /** `GITHUB_EVENT_NAME`. */
  eventName: string
  /** This run, for the link to the job summary. */
  runUrl: string
  /** Commit the dumps and diff came from (the triggering run's head, the PR head, or this run's). */
  commit?: string
  /** `GITHUB_WORKSPACE` (or the current directory for a local run). */
  workspace: string
  /** Scratch folder for downloads and the JSON report (`RUNNER_TEMP`). */
  tempDir: string
  /** Source of the fix's diff. */
  diff: DiffSetting
  /** Artifact name or glob; every matching artifact is one dump set labelled by its name. */
  dumpsArtifact?: string
  /** Workspace dump sets, one per line of `dumps-path`. */
  dumpPaths: DumpPathSetting[]
  /** Run whose artifacts to read: the triggering run under `workflow_run`, else this run. */
  artifactRunId?: number
  /** PR the report belongs to, when known without downloading anything. */
  prNumber?: number
  /** Artifact (name or glob) holding `pr.json` when the event names no PR (forks under `workflow_run`). */
  prNumberArtifact?: string
  /** `workflow_run` listing several PRs: `pr.json` must name one of them. */
  prCandidates?: number[]
  /** Head commit the PR named by `pr.json` must have (`workflow_run.head_sha`). */
  expectedHeadSha?: string
  /**
   * The PR head the event says this run built (`pull_request.head.sha`, `workflow_run.head_sha`):
   * the diff read from the API must be this commit's.
   */
  builtHeadSha?: string
  /** Kernel tree the diff applies to, absolute. */
  source: string
  /** The kernel's build output, absolute: generated files the checkout lacks. */
  build?: string
  /** Whether `source` is the tree before (`pre`) or after (`post`) the fix. */
  sourceSide: 'pre' | 'post'
  /** Livepatch declaration files or globs, relative to the workspace; empty: report only. */
  livepatch: string[]
  /** What fails the check; empty for `none`. */
  policy: Policy
  /** Exact mode: artifact name or glob of the patched build's dumps (and objects), one set each. */
  postDumpsArtifact?: string
  /** Exact mode: the patched build's dump sets in the workspace, labelled like `dumps-path`'s. */
  postDumpPaths: DumpPathSetting[]
  /** Folder of the persistent scan index, absolute (`index-cache`); none: no index. */
  indexCache?: string
  /** Whether to write the sticky PR comment. */
  comment: boolean
  /** Distinguishes the sticky comments of several jobs on one PR. */
  commentKey: string
  /** Login whose comments may be updated in place (the token's identity). */
  commentAuthor: string
  /** Whether the PR comes from a fork (`pull_request` only): what a 403 on commenting means. */
  forkPull?: boolean
}

const POLICY_ITEMS: readonly PolicyItem[] = ['missing', 'review', 'unresolved']

function lines(name: string): string[] {
  return core
    .getMultilineInput(name)
    .map(l => l.trim())
    .filter(l => l !== '' && !l.startsWith('#'))
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = core.getInput(name) || fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw badInput(name, value, `use one of ${allowed.join(', ')}`)
}

function bool(name: string, fallback: boolean): boolean {
  const value = core.getInput(name)
  if (value === '') return fallback
  if (/^true$/i.test(value)) return true
  if (/^false$/i.test(value)) return false
  throw badInput(name, value, 'use true or false')
}

function positive(name: string): number | undefined {
  const value = core.getInput(name)
  if (value === '') return undefined
  if (/^[1-9]\d{0,9}$/.test(value)) return Number(value)
  throw badInput(name, value, 'use a pull request number (a positive integer)')
}

/** Refs reach `git diff` as arguments: a leading `-` would be read as an option. */
function gitRef(name: string): string {
  const value = core.getInput(name)
  if (/^[A-Za-z0-9_./@^~{}][A-Za-z0-9_./@^~{}-]*$/.test(value) && !value.includes('..'))
    return value
  throw badInput(name, value, 'use a branch, tag or commit (letters, digits, _ . / - @ ^ ~)')
}

export function parsePolicy(value: string): Policy {
  const items = value
    .split(/[\s,]+/)
    .map(s => s.trim())
    .filter(s => s !== '')
  const allowed = 'use a comma list of missing, review, unresolved, or none'
  if (items.length === 0) return ['missing', 'unresolved']
  if (items.length === 1 && items[0] === 'none') return []
  const policy: Policy = []
  for (const item of items) {
    if (!(POLICY_ITEMS as readonly string[]).includes(item))
      throw badInput('policy', value, allowed)
    if (!policy.includes(item as PolicyItem)) policy.push(item as PolicyItem)
  }
  return policy
}

function dumpPaths(input = 'dumps-path', given = lines(input)): DumpPathSetting[] {
  return given.map(line => {
    if (/^[A-Za-z0-9_.+-]+=\s*$/.test(line))
      throw badInput(input, line, 'give a path after the label: `label=path`')
    const labelled = /^([A-Za-z0-9_.+-]+)=(.+)$/.exec(line)
    const label = labelled ? labelled[1] : line
    const patterns = (labelled ? labelled[2] : line)
      .split(',')
      .map(p => p.trim())
      .filter(p => p !== '')
    if (patterns.length === 0) throw badInput(input, line, 'use `path` or `label=path`')
    return { label, patterns }
  })
}

/** A folder input that must exist when the run starts (the build job's checkout or output). */
function folder(input: string, value: string, path: string, what: string): void {
  let dir: boolean
  try {
    dir = statSync(path).isDirectory()
  } catch {
    dir = false
  }
  if (!dir) throw badInput(input, value === '' ? path : value, `use an existing folder: ${what}`)
}

function repository(value: string | undefined): { owner: string; repo: string } {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value ?? '')
  if (!match) {
    throw new ConfigurationError(`GITHUB_REPOSITORY '${value ?? ''}' is not of the form owner/repo`)
  }
  return { owner: match[1], repo: match[2] }
}

/** Reads and checks every input once; the rest of the action only sees the typed result. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const event = readEvent(eventName, env.GITHUB_EVENT_PATH)
  const { owner, repo } = repository(env.GITHUB_REPOSITORY)
  const workspace = resolve(env.GITHUB_WORKSPACE ?? process.cwd())
  const token = core.getInput('token')

  const prInput = positive('pr-number')
  const prNumber = prInput ?? event.prNumber
  const patch = lines('patch')
  const diffSource = oneOf('diff-source', ['api', 'git'] as const, 'api')
  const refsGiven = core.getInput('base-ref') !== '' || core.getInput('head-ref') !== ''

  let diff: DiffSetting
  if (patch.length > 0) {
    diff = { kind: 'patch', patterns: patch }
  } else if (refsGiven) {
    diff = { kind: 'git', base: gitRef('base-ref'), head: gitRef('head-ref') }
  } else if (diffSource === 'git') {
    if (!event.baseSha || !event.headSha) {
      throw new ConfigurationError(
        `input 'diff-source': 'git' needs base and head commits: they come from a pull_request event, or set 'base-ref' and 'head-ref' (event: '${eventName}')`
      )
    }
    diff = { kind: 'git', base: event.baseSha, head: event.headSha }
  } else {
    diff = { kind: 'api' }
  }

  const dumpsArtifact = core.getInput('dumps-artifact') || undefined
  const paths = dumpPaths()
  if (!dumpsArtifact && paths.length === 0) {
    throw new ConfigurationError(
      "no dumps: set 'dumps-artifact' (artifact name or glob) or 'dumps-path' (workspace paths, one dump set per line)"
    )
  }
  const postDumpsArtifact = core.getInput('post-dumps-artifact') || undefined
  if (postDumpsArtifact !== undefined && postDumpsArtifact === dumpsArtifact) {
    throw badInput(
      'post-dumps-artifact',
      postDumpsArtifact,
      "name the patched build's artifact(s), not the base build's ('dumps-artifact')"
    )
  }
  if (postDumpsArtifact !== undefined && dumpsArtifact === undefined) {
    // Exact mode pairs artifacts with artifacts: left unpaired, the patched build went unused.
    throw badInput(
      'post-dumps-artifact',
      postDumpsArtifact,
      "pair it with 'dumps-artifact' (the base build's artifacts); the base sets come from 'dumps-path', so give the patched build as 'post-dumps-path'"
    )
  }
  const postPaths = dumpPaths('post-dumps-path', lines('post-dumps-path'))
  if (postPaths.length > 0 && paths.length === 0) {
    throw badInput(
      'post-dumps-path',
      postPaths.map(p => p.label).join(', '),
      "pair it with 'dumps-path' sets of the same labels (post-fix artifacts pair with 'post-dumps-artifact')"
    )
  }
  for (const post of postPaths) {
    if (!paths.some(p => p.label === post.label)) {
      throw badInput(
        'post-dumps-path',
        post.label,
        `use a label of 'dumps-path' (${paths.map(p => p.label).join(', ')})`
      )
    }
  }
  const prNumberArtifact = core.getInput('pr-number-artifact') || dumpsArtifact
  const needsPr = diff.kind === 'api' && prNumber === undefined
  if (needsPr && (eventName !== 'workflow_run' || !prNumberArtifact)) {
    throw new ConfigurationError(
      `no diff: event '${eventName}' names no pull request; set 'pr-number', 'patch', or 'base-ref' and 'head-ref'`
    )
  }

  const source = core.getInput('source')
  const build = core.getInput('build-path')
  const indexCache = core.getInput('index-cache')
  // One folder: a multi-line value is a list given where a single path belongs.
  if (/[\n\r\0]/.test(indexCache))
    throw badInput('index-cache', indexCache, 'use one folder path, relative to the workspace')
  if (token === '') {
    throw new ConfigurationError("input 'token' is empty; the default is ${{ github.token }}")
  }
  if (eventName === 'workflow_run' && event.triggeringRunId === undefined) {
    throw new ConfigurationError('the workflow_run event carries no workflow_run.id')
  }
  // A manual report on a PR (workflow_dispatch with pr-number, often policy none) gets a comment
  // of its own: sharing the gate's would turn the PR's "fail" into the manual run's "pass".
  const commentKey =
    core.getInput('comment-key') || (eventName === 'workflow_dispatch' ? 'manual' : 'default')
  // The key is written inside an HTML comment: `-->` or spaces would break the marker.
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(commentKey)) {
    throw badInput('comment-key', commentKey, 'use up to 64 letters, digits, _ . -')
  }

  const sourcePath =
    source === '' ? workspace : isAbsolute(source) ? source : resolve(workspace, source)
  folder(
    'source',
    source,
    sourcePath,
    'the kernel tree the diff applies to (default: the workspace)'
  )
  const buildPath = build === '' ? undefined : isAbsolute(build) ? build : resolve(workspace, build)
  if (buildPath) folder('build-path', build, buildPath, "the kernel's build output (an O= folder)")

  return {
    token,
    owner,
    repo,
    eventName,
    runUrl: `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`,
    commit: event.triggeringHeadSha ?? event.headSha ?? env.GITHUB_SHA,
    workspace,
    tempDir: resolve(env.RUNNER_TEMP ?? join(workspace, '..', 'tmp')),
    diff,
    dumpsArtifact,
    dumpPaths: paths,
    ...(postDumpsArtifact ? { postDumpsArtifact } : {}),
    postDumpPaths: postPaths,
    artifactRunId: eventName === 'workflow_run' ? event.triggeringRunId : undefined,
    prNumber,
    prNumberArtifact:
      eventName === 'workflow_run' && prNumber === undefined ? prNumberArtifact : undefined,
    ...(prNumber === undefined && event.prCandidates ? { prCandidates: event.prCandidates } : {}),
    expectedHeadSha: event.triggeringHeadSha,
    builtHeadSha: event.triggeringHeadSha ?? event.headSha,
    source: sourcePath,
    ...(buildPath ? { build: buildPath } : {}),
    ...(indexCache === ''
      ? {}
      : { indexCache: isAbsolute(indexCache) ? indexCache : resolve(workspace, indexCache) }),
    sourceSide: oneOf('source-side', ['pre', 'post'] as const, 'post'),
    livepatch: lines('livepatch'),
    policy: parsePolicy(core.getInput('policy')),
    comment: bool('comment', true),
    commentKey,
    commentAuthor: core.getInput('comment-author') || 'github-actions[bot]',
    forkPull: event.forkPull
  }
}
