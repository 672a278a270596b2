import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'

const OUTPUTS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../__outputs__')

/** GitHub's comment column (the PR conversation view), in CSS px. */
const COMMENT_WIDTH = 870
/**
 * Upper bounds for GitHub's styles: body text is 14 px (about 8 px a character at most), code
 * spans 85% of it in a monospace font (7.2 px, 8 px with margin); a cell has 13 px padding each
 * side and a 1 px border.
 */
const CHAR_PX = 8
const CELL_PX = 27

/** Cells of a GFM table row, on unescaped pipes. */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map(c => c.trim())
}

/**
 * What a cell cannot wrap below: its longest run without a space, as rendered (Markdown and
 * HTML markup stripped, entities counted as one character). GitHub tables take their
 * min-content width and wrap cells at spaces, so this is what overflows the column.
 */
function minContent(cell: string): number {
  const text = cell
    .replace(/<br>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&#?\w+;/g, 'x')
    .replace(/[`*_\\]/g, '')
  return Math.max(0, ...text.split(/\s+/).map(w => [...w].length))
}

function tables(md: string): string[][] {
  const out: string[][] = []
  let current: string[] | undefined
  for (const line of md.split('\n')) {
    if (line.startsWith('|')) {
      if (!current) out.push((current = []))
      current.push(line)
    } else current = undefined
  }
  return out
}

const files = readdirSync(OUTPUTS).filter(f => f.endsWith('.md'))

describe('rendered tables fit a GitHub comment', () => {
  it('has outputs to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(6)
  })

  it.each(files)('%s: no table needs more than 870 px', file => {
    const md = readFileSync(resolve(OUTPUTS, file), 'utf8')
    for (const table of tables(md)) {
      const rows = table.filter(r => !/^\|[\s|:-]+\|$/.test(r)).map(cells)
      const columns = rows[0].length
      expect(columns).toBeLessThanOrEqual(5)
      let width = 0
      for (let c = 0; c < columns; c++) {
        width += Math.max(...rows.map(r => minContent(r[c] ?? ''))) * CHAR_PX + CELL_PX
      }
      expect(width).toBeLessThanOrEqual(COMMENT_WIDTH)
    }
  })

  it('measures what it claims: long unbreakable cells and wide tables do not fit', () => {
    const width = (md: string): number => {
      const rows = tables(md)[0]
        .filter(r => !/^\|[\s|:-]+\|$/.test(r))
        .map(cells)
      return rows[0].reduce(
        (sum, _, c) => sum + Math.max(...rows.map(r => minContent(r[c] ?? ''))) * CHAR_PX + CELL_PX,
        0
      )
    }
    const path = `\`drivers/net/ethernet/mellanox/mlx5/core/steering/dr_ste_v1.c:${'1'.repeat(60)}\``
    expect(width(`| a | b |\n|---|---|\n| ${path} | x |`)).toBeGreaterThan(COMMENT_WIDTH)
    // the old seven-column row, with its chain in a <details> cell
    const old =
      '| Function | Object | Sympos | Set | TU | From changed function | Chain |\n|---|---|---|---|---|---|---|\n' +
      '| `ipv4_sk_update_pmtu` | vmlinux |   | x86_64 | `net/ipv4/route.c` | `__build_flow_key` | `__build_flow_key` → cloned as `__build_flow_key.constprop.0` |'
    expect(width(old)).toBeGreaterThan(COMMENT_WIDTH - 100)
    expect(
      width(
        '| `ip_do_redirect` | `vmlinux` | ← inlined `__build_flow_key.constprop.0` |\n|---|---|---|'
      )
    ).toBeLessThan(500)
  })
})
