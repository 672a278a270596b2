import { execFile } from 'node:child_process'
import { readFile, stat } from 'node:fs/promises'
import { promisify } from 'node:util'
import type { Finding } from '../core/model.js'
import type { GitHubClient } from '../adapters/github/client.js'
import { getPullDiff, getPullHeadSha } from '../adapters/github/pull-diff.js'
import { ConfigurationError } from './errors.js'
import { expandInput } from './glob.js'
import type { Settings } from './settings.js'

export interface LoadedDiff {
  diff: string
  findings: Finding[]
  /** The diff's paths are the repository's own, so annotations can point at them. */
  inRepository: boolean
}

const run = promisify(execFile)

async function gitDiff(workspace: string, base: string, head: string): Promise<string> {
  try {
    // No external diff or textconv drivers: the checkout is untrusted PR content.
    const { stdout } = await run(
      'git',
      ['diff', '--no-color', '--no-ext-diff', '--no-textconv', `${base}...${head}`, '--'],
      { cwd: workspace, maxBuffer: 1024 * 1024 * 1024 }
    )
    return stdout
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim() ?? String(error)
    throw new ConfigurationError(
      `git diff ${base}...${head} failed in ${workspace}: ${stderr}. The checkout needs both commits and their merge base (actions/checkout with fetch-depth: 0)`
    )
  }
}

/** The fix's diff, from wherever the settings say. */
export async function loadDiff(
  settings: Settings,
  client: GitHubClient,
  prNumber: number | undefined
): Promise<LoadedDiff> {
  const { diff } = settings
  if (diff.kind === 'patch') {
    const files = await expandInput('patch', settings.workspace, diff.patterns)
    for (const f of files) {
      if ((await stat(f)).isDirectory())
        throw new ConfigurationError(
          `input 'patch': '${f}' is a folder; give the patch files (a glob such as '${f}/*.patch')`
        )
    }
    const texts = await Promise.all(files.map(f => readFile(f, 'utf8')))
    return { diff: texts.join('\n'), findings: [], inRepository: false }
  }
  if (diff.kind === 'git') {
    const text = await gitDiff(settings.workspace, diff.base, diff.head)
    return { diff: text, findings: [], inRepository: true }
  }
  if (prNumber === undefined) throw new ConfigurationError('no pull request to take the diff from')
  // The API serves the PR's diff at its head now: a push after the event would put another
  // commit's diff beside this build's dumps. Its head before and after the read tells.
  const built = settings.builtHeadSha
  if (built) await sameHead(client, settings, prNumber, built)
  const pull = await getPullDiff(client, settings.owner, settings.repo, prNumber)
  if (built) await sameHead(client, settings, prNumber, built)
  return { ...pull, inRepository: true }
}

async function sameHead(
  client: GitHubClient,
  settings: Settings,
  pr: number,
  built: string
): Promise<void> {
  const head = await getPullHeadSha(client, settings.owner, settings.repo, pr)
  if (head !== built) {
    throw new ConfigurationError(
      `PR #${pr} moved on: its head is ${head}, this run built ${built}, and the API gives only the diff of the head; the run for ${head} reports on it`
    )
  }
}
