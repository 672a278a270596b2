net/ipv4/netfilter/iptable_nat.o
