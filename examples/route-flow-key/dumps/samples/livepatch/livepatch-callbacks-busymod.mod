samples/livepatch/livepatch-callbacks-busymod.o
