import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runPipeline } from '../../src/app/pipeline.js'
import { FIXTURES } from '../core/dumps/load-fixture.js'

/**
 * Real GCC fixture: in sound/timer.c user_params becomes user_params.isra.0 and its caller
 * user_ioctl becomes user_ioctl.isra.0 (6.1.176's sound/core/timer.c: snd_timer_user_params and
 * __snd_timer_user_ioctl). The fix makes user_params read a second field. Compiled before and
 * after (objdump -dr): timer_ioctl and timer_ioctl_compat, which call only user_ioctl.isra.0,
 * change too, as user_ioctl's clone now passes what user_params needs.
 */
const DIR = join(FIXTURES, 'review-second-order')

describe('review tier through a caller that is a signature clone itself (real GCC)', () => {
  it('reviews the callers of the reviewed clone', async () => {
    const r = await runPipeline({
      dumps: [{ label: 'x86_64', paths: [DIR] }],
      diff: readFileSync(join(DIR, 'fix.patch'), 'utf8'),
      source: DIR,
      livepatch: [],
      policy: ['missing']
    })
    expect(r.affected.map(a => `${a.tier} ${a.name}`).sort()).toEqual([
      'required user_params',
      'required user_params.isra.0',
      'review timer_ioctl',
      'review timer_ioctl_compat',
      'review user_ioctl',
      'review user_ioctl.isra.0'
    ])
    const compat = r.affected.find(a => a.name === 'timer_ioctl_compat')
    expect(compat?.chain.map(s => `${s.kind} ${s.name}`)).toEqual([
      'changed user_params',
      'cloned-as user_params.isra.0',
      'caller-of user_ioctl',
      'cloned-as user_ioctl.isra.0',
      'caller-of timer_ioctl_compat'
    ])
  })
})
