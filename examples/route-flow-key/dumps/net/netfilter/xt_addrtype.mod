net/netfilter/xt_addrtype.o
