/**
 * What to do about a file no input has: most are files kbuild generates (selinux's flask.h,
 * vdso images, `*.mod.c`), which the gate's checkout never has and the build's dumps can carry.
 */
export const UNFOUND_HINT =
  "a file kbuild generates is found when the dumps come with the build's generated .c/.h files (the README's build job packs them)"
