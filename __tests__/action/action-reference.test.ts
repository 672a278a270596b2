import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './fake-github/run-action.js'
// @ts-expect-error: a plain .mjs script without type declarations
import { parseActionYml, renderReference } from './action-reference.mjs'

type Entry = { name: string; description: string; default?: string }
const parse = parseActionYml as (text: string) => { inputs: Entry[]; outputs: Entry[] }
const render = renderReference as (text: string) => string

const actionYml = readFileSync(join(ROOT, 'action.yml'), 'utf8')
const doc = readFileSync(join(ROOT, 'docs/action-reference.md'), 'utf8')

/** Regenerate: see the header of action-reference.mjs. */
describe('docs/action-reference.md', () => {
  it('lists every input and output of action.yml', () => {
    const { inputs, outputs } = parse(actionYml)
    expect(inputs.length).toBeGreaterThan(10)
    for (const e of [...inputs, ...outputs]) {
      expect(e.description).not.toBe('')
      expect(doc).toMatch(new RegExp(`\\| \`${e.name}\` +\\|`))
    }
  })

  it('is what the generator makes of action.yml (up to the table padding Prettier adds)', () => {
    const squash = (md: string) => md.replace(/ *\| */g, '|').replace(/-{3,}/g, '---')
    expect(squash(doc)).toBe(squash(render(actionYml)))
  })

  it('is embedded in the README unchanged', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const start = readme.indexOf('<!-- action-reference:start -->')
    const end = readme.indexOf('<!-- action-reference:end -->')
    expect(start).toBeGreaterThan(0)
    const embedded = readme.slice(start, end).split('\n').slice(1).join('\n').trim()
    // The README nests the reference one heading level deeper; Prettier may re-pad the tables.
    const squash = (md: string) =>
      md
        .replace(/^#+ /gm, '# ')
        .replace(/ *\| */g, '|')
        .replace(/-{3,}/g, '---')
    const body = doc.split('\n').slice(1).join('\n').trim()
    expect(squash(embedded)).toBe(squash(body))
  })

  it('action.yml declares every input settings.ts reads and every output it sets', () => {
    const { inputs, outputs } = parse(actionYml)
    const settings = readFileSync(join(ROOT, 'src/action/settings.ts'), 'utf8')
    const read = [
      ...settings.matchAll(/(?:getInput|lines|oneOf|bool|positive|gitRef)\(\s*'([a-z-]+)'/g)
    ]
    expect(read.length).toBeGreaterThan(10)
    for (const [, name] of read) expect(inputs.map(i => i.name)).toContain(name)
    const publish = readFileSync(join(ROOT, 'src/action/publish.ts'), 'utf8')
    const set = [...publish.matchAll(/setOutput\(\s*'([a-z-]+)'/g)].map(m => m[1])
    expect(set.sort()).toEqual(outputs.map(o => o.name).sort())
  })
})
