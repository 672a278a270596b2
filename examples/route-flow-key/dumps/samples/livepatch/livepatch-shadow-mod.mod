samples/livepatch/livepatch-shadow-mod.o
