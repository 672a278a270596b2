net/netfilter/xt_mark.o
