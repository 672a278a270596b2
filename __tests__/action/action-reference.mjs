// Renders the inputs/outputs tables of action.yml as Markdown for the README.
// Regenerate: node __tests__/action/action-reference.mjs > docs/action-reference.md &&
//   npx prettier --write docs/action-reference.md
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Reads the two-level `inputs:`/`outputs:` maps of action.yml (its own layout, not all YAML). */
export function parseActionYml(text) {
  const sections = { inputs: [], outputs: [] }
  let section
  let entry
  let folding
  for (const line of text.split('\n')) {
    const top = /^(\w[\w-]*):/.exec(line)
    if (top) {
      section = sections[top[1]]
      entry = undefined
      folding = undefined
      continue
    }
    if (!section) continue
    const key = /^ {2}([\w-]+):\s*$/.exec(line)
    if (key) {
      entry = { name: key[1], description: '', default: undefined }
      section.push(entry)
      folding = undefined
      continue
    }
    const prop = /^ {4}(description|default|required):\s*(.*)$/.exec(line)
    if (prop && entry) {
      const value = prop[2].replace(/^'(.*)'$/, '$1')
      folding = value === '>-' || value === '>' || value === '|' ? prop[1] : undefined
      if (!folding && prop[1] !== 'required') entry[prop[1]] = value
      continue
    }
    if (folding && entry && /^ {6}/.test(line)) {
      entry[folding] = `${entry[folding] ?? ''} ${line.trim()}`.trim()
    }
  }
  return sections
}

const NOTES = `### Permissions and fork pull requests

Least permissions: \`contents: read\`, \`actions: read\`, \`pull-requests: write\`. Under \`pull_request\`
a fork's token is read-only: the report still goes to the job summary, the outputs and the result are
set, and a warning explains the alternative (a 403 on a PR that is not from a fork, or under
\`workflow_run\`, is named for what it is: the job lacks \`pull-requests: write\`). For forks, let the \`pull_request\` workflow build and
upload the dumps with a \`pr.json\` (\`{"number": N}\`) in the artifact, and run this action from a
\`workflow_run\` workflow: it downloads the triggering run's artifacts, reads the PR number from the
event (or \`pr.json\`, accepted only when that PR's head is the commit the run built) and comments.

The sticky comment is found by the hidden marker \`<!-- klp-affected:<comment-key> -->\` and its author
\`comment-author\` (\`github-actions[bot]\` for GITHUB_TOKEN, whose identity \`GET /user\` cannot tell);
anyone else's comment carrying the marker is left alone. A comment that cannot be written (403, or
an API failure after the retries, each logged) never changes the verdict: it is a warning, and when
an earlier comment stays up, the warning and the job summary name it as stale (editing it to say so
would take the very call that just failed). Error annotations (at most 10, the changes with the most
missing functions first) point at the diff lines; the rest are in the job summary. Under a policy
without \`missing\` (\`none\`) they are warnings, and the summary's verdict reads \`⚠️ pass (policy: none)\`.`

const cell = s => s.replace(/\|/g, '\\|')

export function renderReference(text) {
  const { inputs, outputs } = parseActionYml(text)
  const out = [
    '<!-- Generated from action.yml by __tests__/action/action-reference.mjs; do not edit. -->',
    '',
    '### Inputs',
    '',
    '| Input | Default | Description |',
    '|---|---|---|'
  ]
  for (const i of inputs) {
    out.push(
      `| \`${i.name}\` | ${i.default ? `\`${cell(i.default)}\`` : ''} | ${cell(i.description)} |`
    )
  }
  out.push('', '### Outputs', '', '| Output | Description |', '|---|---|')
  for (const o of outputs) out.push(`| \`${o.name}\` | ${cell(o.description)} |`)
  out.push('', NOTES)
  return out.join('\n') + '\n'
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('../../', import.meta.url)
  process.stdout.write(renderReference(readFileSync(new URL('action.yml', root), 'utf8')))
}
