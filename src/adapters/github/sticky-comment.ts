import { apiError, httpStatus, type GitHubClient } from './client.js'

export interface StickyComment {
  owner: string
  repo: string
  issue: number
  /** Hidden marker identifying this comment among the PR's comments. */
  marker: string
  /**
   * Only comments by this login are updated: anyone can paste the marker into a comment, and the
   * token could not edit theirs anyway.
   */
  author: string
  body: string
}

export type CommentOutcome =
  | { kind: 'created' | 'updated' | 'unchanged'; url: string }
  /**
   * The token may not write (HTTP 403), or the API kept failing after the retries. `stale` is
   * the earlier comment that now shows an older report; undefined when there is none (or the
   * listing itself failed, so it is not known).
   */
  | { kind: 'forbidden' | 'failed'; message: string; stale?: string }

/** Creates the comment, or updates the previous one in place when its body differs. */
export async function upsertStickyComment(
  client: GitHubClient,
  comment: StickyComment
): Promise<CommentOutcome> {
  const { owner, repo, issue, marker, author, body } = comment
  let existing
  try {
    const comments = await client.paginate(client.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issue,
      per_page: 100
    })
    // GitHub logins are case-insensitive: `My-Bot[bot]` given for `my-bot[bot]` is the same one.
    const login = author.toLowerCase()
    existing = comments.find(
      c => c.user?.login.toLowerCase() === login && (c.body ?? '').includes(marker)
    )
  } catch (error) {
    return failure(error, `listing the comments of PR #${issue}`)
  }
  if (existing && existing.body === body) return { kind: 'unchanged', url: existing.html_url }
  try {
    if (existing) {
      const { data } = await client.rest.issues.updateComment({
        owner,
        repo,
        comment_id: existing.id,
        body
      })
      return { kind: 'updated', url: data.html_url }
    }
    const { data } = await client.rest.issues.createComment({
      owner,
      repo,
      issue_number: issue,
      body
    })
    return { kind: 'created', url: data.html_url }
  } catch (error) {
    const doing = `${existing ? 'updating' : 'creating'} the comment on PR #${issue}`
    return failure(error, doing, existing?.html_url)
  }
}

/** A comment that could not be written is reported, never thrown: the verdict must still follow. */
function failure(error: unknown, doing: string, stale?: string): CommentOutcome {
  const forbidden = httpStatus(error) === 403
  return {
    kind: forbidden ? 'forbidden' : 'failed',
    message: apiError(error, doing).message,
    ...(stale === undefined ? {} : { stale })
  }
}
