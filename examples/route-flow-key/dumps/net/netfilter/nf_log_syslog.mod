net/netfilter/nf_log_syslog.o
