net/netfilter/xt_nat.o
