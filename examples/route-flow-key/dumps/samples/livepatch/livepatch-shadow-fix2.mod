samples/livepatch/livepatch-shadow-fix2.o
