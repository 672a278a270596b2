// Stand-in for src/core/render/* while those are being written: used only by the test build.
export function renderMarkdown(report, options = {}) {
  const lines = []
  if (options.marker) lines.push(options.marker)
  lines.push(`## ${options.title ?? 'klp-affected'}: ${report.result}`)
  lines.push(`affected: ${report.affected.map(a => a.name).join(', ')}`)
  if (report.coverage) lines.push(`missing: ${report.coverage.missing.map(a => a.name).join(', ')}`)
  for (const f of report.findings)
    lines.push(`- ${f.kind} ${f.severity} ${f.file ?? ''}: ${f.message}`)
  for (const r of report.reasons) lines.push(`- reason: ${r}`)
  let text = lines.join('\n') + '\n'
  if (options.maxLength && text.length > options.maxLength) {
    text = text.slice(0, options.maxLength - 200) + `\n${options.fullReportHint ?? ''}\n`
  }
  return text
}

export function renderJson(report) {
  return JSON.stringify(report, null, 2) + '\n'
}
