import type { Finding } from '../../core/model.js'
import { apiError, httpStatus, type GitHubClient } from './client.js'

export interface PullDiff {
  /** Unified diff with `a/` and `b/` prefixes. */
  diff: string
  /** Files the API gave no patch for: the report must say they were not analysed. */
  findings: Finding[]
}

/** One entry of `pulls.listFiles`, the fields a diff needs. */
export interface PullFile {
  filename: string
  previous_filename?: string
  status: string
  changes: number
  patch?: string
}

/** `pulls.listFiles` stops at this many files. */
const LIST_FILES_LIMIT = 3000

/** The PR's diff; GitHub refuses diffs over its size limit with 406, then the file list is used. */
export async function getPullDiff(
  client: GitHubClient,
  owner: string,
  repo: string,
  pull: number
): Promise<PullDiff> {
  try {
    const { data } = await client.rest.pulls.get({
      owner,
      repo,
      pull_number: pull,
      mediaType: { format: 'diff' }
    })
    // With the diff media type the body is the diff text, not the JSON the typings describe.
    if (typeof data !== 'string')
      throw new Error(`the answer is ${data === null ? 'null' : typeof data}, not diff text`)
    return { diff: data, findings: [] }
  } catch (error) {
    if (httpStatus(error) !== 406) throw apiError(error, `fetching the diff of PR #${pull}`)
  }
  let files: PullFile[]
  try {
    files = await client.paginate(client.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: pull,
      per_page: 100
    })
  } catch (error) {
    throw apiError(error, `listing the files of PR #${pull} (its diff is too large to fetch whole)`)
  }
  const readable = (f: unknown): boolean =>
    typeof f === 'object' && f !== null && typeof (f as PullFile).filename === 'string'
  if (!Array.isArray(files) || !files.every(readable))
    throw new Error(`GitHub listed the files of PR #${pull} in a form this action does not read`)
  const rebuilt = diffFromFiles(files)
  if (files.length >= LIST_FILES_LIMIT) {
    rebuilt.findings.push({
      kind: 'unmapped-hunk',
      severity: 'unresolved',
      message: `GitHub lists at most ${LIST_FILES_LIMIT} files of a pull request: files beyond them were not analysed`
    })
  }
  return rebuilt
}

/** Rebuilds a unified diff from the per-file patches of `pulls.listFiles`. */
export function diffFromFiles(files: PullFile[]): PullDiff {
  const out: string[] = []
  const findings: Finding[] = []
  for (const file of files) {
    const oldName = file.previous_filename ?? file.filename
    if (file.patch === undefined || file.patch === '') {
      if (file.status === 'renamed' && file.changes === 0) continue
      if (file.changes === 0) {
        // No line changed: a binary file, an empty one added or removed, a mode change. Named as a
        // binary change, the mapper judges it by its path (documentation, metadata: info; a `.c`
        // or a build file: unresolved) as it does on the direct diff.
        out.push(`diff --git a/${oldName} b/${file.filename}`)
        if (file.status === 'added') out.push('new file mode 100644')
        if (file.status === 'removed') out.push('deleted file mode 100644')
        const from = file.status === 'added' ? '/dev/null' : `a/${oldName}`
        const to = file.status === 'removed' ? '/dev/null' : `b/${file.filename}`
        out.push(`Binary files ${from} and ${to} differ`)
        continue
      }
      findings.push({
        kind: 'unmapped-hunk',
        severity: 'unresolved',
        file: file.filename,
        message: 'GitHub did not return a patch for this file'
      })
      continue
    }
    const given = changedLines(file.patch)
    // Hunks left out of a patch would leave their functions out of the report, silently.
    if (typeof file.changes === 'number' && given !== file.changes) {
      findings.push({
        kind: 'unmapped-hunk',
        severity: 'unresolved',
        file: file.filename,
        message: `GitHub's patch for this file holds ${given} of its ${file.changes} changed lines: the others were not analysed`
      })
    }
    out.push(`diff --git a/${oldName} b/${file.filename}`)
    if (file.status === 'added') out.push('new file mode 100644')
    if (file.status === 'removed') out.push('deleted file mode 100644')
    out.push(file.status === 'added' ? '--- /dev/null' : `--- a/${oldName}`)
    out.push(file.status === 'removed' ? '+++ /dev/null' : `+++ b/${file.filename}`)
    out.push(file.patch.endsWith('\n') ? file.patch.slice(0, -1) : file.patch)
  }
  return { diff: out.length > 0 ? out.join('\n') + '\n' : '', findings }
}

/**
 * Lines a per-file patch of `pulls.listFiles` adds or removes, which is its `changes` when the
 * patch is whole (it has hunks only: no `---`/`+++` lines).
 */
function changedLines(patch: string): number {
  let n = 0
  for (const line of patch.split('\n')) if (line[0] === '+' || line[0] === '-') n++
  return n
}

/** The PR's head commit, to check that a PR number read from an artifact belongs to the run. */
export async function getPullHeadSha(
  client: GitHubClient,
  owner: string,
  repo: string,
  pull: number
): Promise<string> {
  try {
    const { data } = await client.rest.pulls.get({ owner, repo, pull_number: pull })
    return data.head.sha
  } catch (error) {
    throw apiError(error, `reading PR #${pull}`)
  }
}
