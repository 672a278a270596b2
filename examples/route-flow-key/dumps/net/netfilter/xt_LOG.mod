net/netfilter/xt_LOG.o
