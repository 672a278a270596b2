import * as core from '@actions/core'
import { runPipeline } from '../app/pipeline.js'
import { makeClient } from '../adapters/github/client.js'
import { getPullHeadSha } from '../adapters/github/pull-diff.js'
import { loadDiff } from './diff.js'
import { resolveDumps } from './dumps.js'
import { ConfigurationError } from './errors.js'
import { expandInput } from './glob.js'
import { publish } from './publish.js'
import { readSettings, type Settings } from './settings.js'
import type { GitHubClient } from '../adapters/github/client.js'
import { escapeMarkdown, terminalSafe } from '../core/render/escape.js'

/**
 * A PR number from `pr.json` was written by the fork's own code: it is trusted only when that PR's
 * head is the commit the triggering run built, so a fork cannot aim the comment at another PR.
 */
async function checkPrFromArtifact(settings: Settings, client: GitHubClient, pr: number) {
  if (!settings.expectedHeadSha) return
  const head = await getPullHeadSha(client, settings.owner, settings.repo, pr)
  if (head !== settings.expectedHeadSha) {
    throw new ConfigurationError(
      `pr.json names PR #${pr}, whose head is ${head}, but the triggering run built ${settings.expectedHeadSha}: not reporting to it`
    )
  }
}

export async function run(): Promise<void> {
  try {
    const settings = readSettings()
    // Workspace paths are passed on relative (see expandInput): they must resolve from here.
    if (process.cwd() !== settings.workspace) process.chdir(settings.workspace)
    const client = makeClient(settings.token)
    const dumps = await resolveDumps(settings)
    let prNumber = settings.prNumber
    const listed = settings.prCandidates?.map(n => `#${n}`).join(', ')
    if (prNumber === undefined && dumps.prNumber !== undefined) {
      if (settings.prCandidates && !settings.prCandidates.includes(dumps.prNumber)) {
        throw new ConfigurationError(
          `pr.json names PR #${dumps.prNumber}, which the workflow_run event does not list (${listed}): not reporting to it`
        )
      }
      await checkPrFromArtifact(settings, client, dumps.prNumber)
      prNumber = dumps.prNumber
    }
    if (settings.diff.kind === 'api' && prNumber === undefined) {
      // One head branch can be the head of PRs into two bases: judging the first listed could
      // report one kernel's dumps on the other's PR.
      throw new ConfigurationError(
        settings.prCandidates
          ? `the workflow_run event names several pull requests (${listed}) and no pr.json was found in '${settings.prNumberArtifact ?? ''}' to say which one the run built`
          : `the workflow_run event names no pull request and no pr.json was found in '${settings.prNumberArtifact ?? ''}'`
      )
    }
    const diff = await loadDiff(settings, client, prNumber)
    const livepatch = await expandInput('livepatch', settings.workspace, settings.livepatch)
    const report = await runPipeline({
      dumps: settings.indexCache
        ? dumps.sets.map(set => ({ ...set, indexCache: settings.indexCache }))
        : dumps.sets,
      diff: diff.diff,
      findings: diff.findings,
      source: settings.source,
      build: settings.build,
      sourceSide: settings.sourceSide,
      livepatch,
      workspace: settings.workspace,
      policy: settings.policy,
      progress: message => core.info(terminalSafe(message)),
      ...(dumps.post.length > 0 ? { postDumps: dumps.post } : {})
    })
    await publish(report, settings, client, { prNumber, inRepository: diff.inRepository })
  } catch (error) {
    if (error instanceof Error && !(error instanceof ConfigurationError) && error.stack) {
      core.debug(error.stack)
    }
    const message = error instanceof Error ? error.message : String(error)
    await noVerdict(message)
    core.setFailed(terminalSafe(message))
  }
}

/**
 * A run that ends without a report says so where a report would be: `result` is `error` (not
 * left unset, which a later step could read as nothing wrong), and the job summary names why.
 */
async function noVerdict(message: string): Promise<void> {
  core.setOutput('result', 'error')
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary
      .addRaw(
        `### klp-affected: no verdict\n\nThe run stopped before its report: ${escapeMarkdown(message)}\n`,
        true
      )
      .write()
  } catch {
    // The failure itself is reported by setFailed; a summary that cannot be written adds nothing.
  }
}
