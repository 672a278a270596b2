// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Example livepatch for the sk_bound_dev_if data-race fix in net/ipv4/route.c.
 * It replaces the functions the author thought of: the two changed ones and the
 * obvious callers. klp-affected shows what it misses.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/livepatch.h>

static struct klp_func funcs[] = {
	{
		.old_name = "ipv4_update_pmtu",
		.new_func = livepatch_ipv4_update_pmtu,
	},
	{
		.old_name = "ipv4_redirect",
		.new_func = livepatch_ipv4_redirect,
	},
	{
		.old_name = "ip_rt_update_pmtu",
		.new_func = livepatch_ip_rt_update_pmtu,
	}, { }
};

static struct klp_object objs[] = {
	{
		/* name being NULL means vmlinux */
		.funcs = funcs,
	}, { }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int livepatch_init(void)
{
	return klp_enable_patch(&patch);
}

static void livepatch_exit(void)
{
}

module_init(livepatch_init);
module_exit(livepatch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
