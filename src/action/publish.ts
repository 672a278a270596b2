import * as core from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Report } from '../core/model.js'
import { emitAnnotations } from '../adapters/github/annotations.js'
import type { GitHubClient } from '../adapters/github/client.js'
import { upsertStickyComment } from '../adapters/github/sticky-comment.js'
import { commentNotice } from './comment-outcome.js'
import { renderJson, renderMarkdown } from './render.js'
import type { Settings } from './settings.js'
import { terminalSafe } from '../core/render/escape.js'

/** GitHub rejects comment bodies over 65,536 characters; the margin leaves room for the marker. */
const COMMENT_MAX = 65_000
/** A step summary over 1 MiB is not shown at all. */
const SUMMARY_MAX = 1_000_000

export interface PublishTarget {
  prNumber?: number
  /** Whether the diff's paths are files of this repository (annotations can point at them). */
  inRepository: boolean
}

/** Outputs, JSON report, job summary, annotations and the sticky comment; then the verdict. */
export async function publish(
  report: Report,
  settings: Settings,
  client: GitHubClient,
  target: PublishTarget
): Promise<void> {
  const dir = join(settings.tempDir, 'klp-affected')
  await mkdir(dir, { recursive: true })
  const jsonPath = join(dir, `report-${settings.commentKey}.json`)
  await writeFile(jsonPath, renderJson(report))

  core.setOutput('missing-count', report.coverage?.missing.length ?? 0)
  core.setOutput('affected-count', report.affected.length)
  core.setOutput(
    'unresolved-count',
    report.findings.filter(f => f.severity === 'unresolved').length
  )
  core.setOutput('result', report.result)
  core.setOutput('report-json', jsonPath)

  const title =
    settings.commentKey === 'default' ? undefined : `klp-affected (${settings.commentKey})`
  if (process.env.GITHUB_STEP_SUMMARY) {
    const summary = renderMarkdown(report, {
      maxLength: SUMMARY_MAX,
      fullReportHint: `The full JSON report is the file named by the report-json output (${jsonPath}).`,
      title,
      commit: settings.commit,
      runUrl: settings.runUrl
    })
    await core.summary.addRaw(summary, true).write()
  }

  emitAnnotations(report, target.inRepository)

  if (settings.comment && target.prNumber !== undefined) {
    const marker = `<!-- klp-affected:${settings.commentKey} -->`
    const rendered = renderMarkdown(report, {
      marker,
      maxLength: COMMENT_MAX,
      fullReportHint: 'The whole report is in the job summary of the run',
      fullReportUrl: settings.runUrl,
      title,
      commit: settings.commit,
      runUrl: settings.runUrl
    })
    const body = rendered.includes(marker) ? rendered : `${marker}\n${rendered}`
    const outcome = await upsertStickyComment(client, {
      owner: settings.owner,
      repo: settings.repo,
      issue: target.prNumber,
      marker,
      author: settings.commentAuthor,
      body
    })
    const notice = commentNotice(outcome, {
      name: settings.eventName,
      forkPull: settings.forkPull
    })
    if (notice.level === 'warning') core.warning(notice.log)
    else core.info(notice.log)
    if (notice.summary && process.env.GITHUB_STEP_SUMMARY) {
      await core.summary.addRaw(`\n\n${notice.summary}\n`).write()
    }
  } else if (settings.comment) {
    core.info('no pull request named: the report is in the job summary only')
  }

  if (report.result === 'fail') {
    core.setFailed(terminalSafe(`klp-affected: ${report.reasons.join('; ') || 'policy failed'}`))
  }
}
