import { join } from 'node:path'
import type { Report } from '../../../src/core/model.js'
import { FIXTURES } from '../dumps/load-fixture.js'
import { runFixture } from '../../helpers/fixture-run.js'

/**
 * Real GCC fixture: include/task.h's struct task, shaped as include/linux/sched.h's task_struct
 * (6.1.170 -> 6.1.176), cannot be laid out whole; the fix inserts a flag bit after
 * remote_wakeup and a u32 after bpf_ctx. objdump of the objects before and after: read_iowait (a
 * flag bit after the new one) and read_mce (a member after the u32) change; read_pid,
 * read_atomic and read_jobctl do not, nor read_thread (GCC keeps the cacheline-aligned member in
 * place, which nothing here can show: it is listed).
 */
const DIR = join(FIXTURES, 'header-layout-runs')

describe('a struct changed in two places, not laid out whole (real GCC, sched.h task_struct)', () => {
  it('lists the readers of what each change moves, not of every member after the first', async () => {
    const r: Report = await runFixture(DIR)
    expect(r.affected.map(a => `${a.name} ${a.tier}`)).toEqual([
      'read_iowait layout',
      'read_mce layout',
      'read_thread layout'
    ])
    const f = r.findings.find(x => x.kind === 'type-change')
    expect(f?.severity).toBe('unresolved')
    expect(f?.message).toMatch(
      /^struct task: kstack_offset, user_dumpable added: in_execve, in_iowait, restore_sigmask, frozen, mce_vaddr and 3 more move \(x86_64 layout around each change; from thread on, members are taken for moved: thread cannot be placed without the whole struct\);/
    )
  })
})
