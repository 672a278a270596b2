net/netfilter/xt_MASQUERADE.o
