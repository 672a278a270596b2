#!/usr/bin/env node
/**
 * Renders every Markdown output under __tests__/__outputs__/ the way a PR comment shows it, and
 * takes a screenshot of each at GitHub's comment width (870 px) in headless Chromium.
 *
 *   node scripts/screenshot-outputs.mjs [--root DIR] [--out docs/outputs] [--chromium PATH]
 *
 * markdown-it (tables, strikethrough, raw HTML: what GitHub's renderer allows in a comment) and
 * github-markdown-css (GitHub's own stylesheet for rendered Markdown) are devDependencies; so is
 * playwright-core, which drives the system's Chromium (`apt-get install -y chromium`) and downloads
 * no browser. Fails (exit 1) when a rendered table is wider than the comment: the jest test
 * `table-width` checks the same from the Markdown alone.
 */
import { createRequire } from 'node:module'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const WIDTH = 870
const { values } = parseArgs({
  options: {
    root: { type: 'string', default: resolve(dirname(fileURLToPath(import.meta.url)), '..') },
    out: { type: 'string', default: 'docs/outputs' },
    chromium: { type: 'string', default: '/usr/bin/chromium' }
  }
})
const require = createRequire(import.meta.url)
const { default: MarkdownIt } = await import('markdown-it')
const { chromium } = await import('playwright-core')
const css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8')

const md = new MarkdownIt({ html: true, linkify: true, breaks: false })
const inputs = resolve(values.root, '__tests__/__outputs__')
const out = resolve(values.root, values.out)
mkdirSync(out, { recursive: true })
const scratch = mkdtempSync(join(tmpdir(), 'klp-outputs-'))

// The flags that keep Chromium off the network and quiet in a sandboxed, offline CI.
const browser = await chromium.launch({
  executablePath: values.chromium,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
  ]
})
let failed = 0
try {
  const page = await browser.newPage({ viewport: { width: WIDTH + 40, height: 600 } })
  for (const file of readdirSync(inputs)
    .filter(f => f.endsWith('.md'))
    .sort()) {
    const html = `<!doctype html><meta charset="utf-8"><style>${css}
body { margin: 0; padding: 20px; background: #fff; }
.markdown-body { box-sizing: border-box; width: ${WIDTH}px; padding: 16px;
  border: 1px solid #d0d7de; border-radius: 6px; }</style>
<article class="markdown-body">${md.render(readFileSync(join(inputs, file), 'utf8'))}</article>`
    const htmlPath = join(scratch, `${file}.html`)
    writeFileSync(htmlPath, html)
    await page.goto(pathToFileURL(htmlPath).href)
    const overflow = (
      await page
        .locator('table')
        .evaluateAll(tables => tables.map(t => ({ need: t.scrollWidth, have: t.clientWidth })))
    ).filter(t => t.need > t.have)
    const body = page.locator('.markdown-body')
    const box = await body.boundingBox()
    const png = join(out, file.replace(/\.md$/, '.png'))
    await body.screenshot({ path: png })
    const note = overflow.length
      ? `  TABLE OVERFLOWS: ${overflow.map(o => `${o.need}px in ${o.have}px`).join(', ')}`
      : ''
    console.log(`${png}: ${Math.round(box?.width ?? 0)}x${Math.round(box?.height ?? 0)}${note}`)
    if (overflow.length) failed++
  }
} finally {
  await browser.close()
  rmSync(scratch, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
