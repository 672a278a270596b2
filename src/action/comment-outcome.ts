import type { CommentOutcome } from '../adapters/github/sticky-comment.js'

export interface CommentNotice {
  level: 'info' | 'warning'
  /** The log line (a warning annotation when `level` is warning). */
  log: string
  /** Appended to the job summary: the PR shows something this run did not write. */
  summary?: string
}

const FORK_HINT =
  'The token cannot comment on this pull request (HTTP 403): it comes from a fork, and fork pull ' +
  'requests get a read-only token under `pull_request`. Upload the dumps and a pr.json ' +
  '({"number": N}) as artifacts there, and run klp-affected from a `workflow_run` workflow ' +
  '(permissions: actions: read, pull-requests: write).'

const PERMISSION_HINT =
  "The token cannot comment on this pull request (HTTP 403): the pull request is not from a fork (or this is a `workflow_run` workflow, whose token can write), so the workflow's token lacks `pull-requests: write`. " +
  'Add `permissions: { contents: read, pull-requests: write }` to the job (a repository or organisation setting can make the default token read-only).'

const UNKNOWN_HINT =
  'The token cannot comment on this pull request (HTTP 403): either the pull request comes from a fork (read-only token under `pull_request`: use the `workflow_run` pattern) ' +
  'or the workflow lacks `permissions: pull-requests: write`.'

/**
 * What to say about the sticky comment. A stale earlier comment is not edited to say so: that
 * edit would be the very API call that just failed (403, or 5xx after the retries), so the run's
 * log, a warning annotation and the job summary carry the notice instead, naming the comment.
 */
export function commentNotice(
  outcome: CommentOutcome,
  event: { name: string; forkPull?: boolean }
): CommentNotice {
  if ('url' in outcome) return { level: 'info', log: `comment ${outcome.kind}: ${outcome.url}` }
  // Under workflow_run the token is the base repository's own: a 403 is never the fork's doing.
  const forkPull = event.name === 'workflow_run' ? false : event.forkPull
  const why =
    outcome.kind === 'failed'
      ? `The PR comment could not be written: ${outcome.message}.`
      : forkPull === true
        ? FORK_HINT
        : forkPull === false
          ? PERMISSION_HINT
          : UNKNOWN_HINT
  const stale = outcome.stale
    ? ` The comment ${outcome.stale} still shows the report of an earlier run: it is stale.`
    : ''
  const where = " This run's report is in the job summary."
  const detail = outcome.kind === 'forbidden' ? ` (${outcome.message})` : ''
  return {
    level: 'warning',
    log: `${why}${stale}${where}${detail}`,
    summary: `> [!WARNING]\n> ${why}${stale}`
  }
}
