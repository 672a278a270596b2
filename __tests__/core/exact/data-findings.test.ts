import { dataFinding } from '../../../src/core/exact/data-findings.js'
import { dataClass } from '../../../src/core/objects/data-class.js'
import type { ObjectComparison } from '../../../src/core/objects/model.js'
import { compareCase, hasTool } from '../objects/object-fixtures.js'

const withReadelf = hasTool('readelf') ? describe : describe.skip

describe('dataClass', () => {
  const none = new Set<string>()
  it.each([
    ['__UNIQUE_ID___addressable_inet_bind517', '.discard.addressable', 'discarded'],
    // module_exit's entry in a built-in object: vmlinux.lds.h discards it.
    ['__exitcall_rng_exit', '.exitcall.exit', 'discarded'],
    ['__UNIQUE_ID_dma_64bit412', '.modinfo', 'module-info'],
    ['__ksymtab_tcp_sendmsg', '___ksymtab_gpl+tcp_sendmsg', 'export'],
    ['__kstrtabns_usb_hcd_link', '__ksymtab_strings', 'export'],
    ['__param_debug', '__param', 'module-param'],
    ['__param_str_debug', '.rodata.__param_str_debug', 'module-param'],
    ['__tracepoint_rdev_auth', '__tracepoints', 'trace-event'],
    ['print_fmt_rdev_auth', '.data.print_fmt_rdev_auth', 'trace-event'],
    ['trace_event_fields_rdev_tdls_mgmt', '.data.trace_event_fields_rdev_tdls_mgmt', 'trace-event'],
    ['atkbd_dmi_quirk_table', '.init.rodata', 'init-only'],
    ['i8042_dmi_quirk_table', '.init.data', 'init-only'],
    ['__initcall__kmod_vt__325_4335_vtconsole_class_init2', '.initcall2.init', 'init-only'],
    ['__initcall__kmod_vt__311_3557_con_initcon', '.con_initcall.init', 'init-only'],
    ['__UNIQUE_ID_ddebug342', '__dyndbg', 'call-site'],
    ['_rs.2', '.data._rs.2', 'function-local'],
    ['__already_done.12', '.data.once', 'function-local'],
    ['__func__.3', '.rodata.__func__.3', 'function-local'],
    ['CSWTCH.77', '.rodata.CSWTCH.77', 'function-local'],
    ['seg6_genl_policy', '.rodata.seg6_genl_policy', 'global'],
    ['ipv4_net_table', '.data.ipv4_net_table', 'global'],
    ['event_rdev_auth', '.data.event_rdev_auth', 'global']
  ])('%s in %s is %s', (name, section, want) => {
    expect(dataClass(name, section, none)).toBe(want)
  })

  it('calls event_X a trace event only beside its __event_X pointer', () => {
    expect(dataClass('event_rdev_auth', '.data', new Set(['__event_rdev_auth']))).toBe(
      'trace-event'
    )
  })
})

withReadelf('dataFinding on a GCC-built object pair', () => {
  let cmp: ObjectComparison
  beforeAll(async () => {
    cmp = await compareCase('data-kinds')
  })
  const finding = (name: string) => {
    const s = cmp.symbols.find(x => x.kind === 'data' && x.name === name)
    if (!s) throw new Error(`no ${name}`)
    const f = dataFinding(s, 'x86_64', cmp)
    return f && { kind: f.kind, severity: f.severity }
  }

  it('leaves function-local statics to the functions that use them', () => {
    expect(finding('_rs.1')).toBeUndefined()
    expect(cmp.symbols.find(s => s.name === '_rs.1')?.owners).toEqual(['poll'])
    expect(finding('__already_done.2')).toBeUndefined()
  })

  it('ignores what never reaches the kernel, informs on module metadata', () => {
    expect(finding('__UNIQUE_ID___addressable_poll7')).toBeUndefined()
    expect(finding('__UNIQUE_ID_description12')).toEqual({
      kind: 'module-info-change',
      severity: 'info'
    })
  })

  it('warns on boot-time data, fails on exports and globals', () => {
    expect(finding('quirk_ids')).toEqual({ kind: 'global-change', severity: 'warning' })
    expect(finding('__ksymtab_limit_get')).toEqual({
      kind: 'export-change',
      severity: 'unresolved'
    })
    expect(finding('__kstrtab_limit_get')).toBeUndefined()
    expect(finding('limit')).toEqual({ kind: 'global-change', severity: 'unresolved' })
  })

  it('says nothing of an export of a function the fix adds', () => {
    const fresh: ObjectComparison = {
      ...cmp,
      symbols: cmp.symbols.map(s => (s.name === 'limit_get' ? { ...s, verdict: 'added' } : s))
    }
    const s = fresh.symbols.find(x => x.name === '__ksymtab_limit_get')
    expect(s && dataFinding(s, 'x86_64', fresh)).toBeUndefined()
  })
})

withReadelf('dataFinding of labels a top-level asm() defines', () => {
  it('fails an initcall entry a fix adds: the kernel ran its initcalls at boot', async () => {
    const c = await compareCase('asm-labels')
    const entry = c.symbols.find(s =>
      s.name.startsWith('__initcall')
    ) as ObjectComparison['symbols'][number]
    expect(dataFinding(entry, 'x86_64', c)).toMatchObject({
      kind: 'global-change',
      severity: 'unresolved',
      message: expect.stringContaining('a livepatch module cannot add or remove one') as unknown
    })
    // Other boot-time data a fix adds is the fix's own: nothing to carry.
    const table = { ...entry, name: 'atkbd_dmi_quirk_table' }
    expect(dataFinding(table, 'x86_64', c)).toBeUndefined()
  })
})
