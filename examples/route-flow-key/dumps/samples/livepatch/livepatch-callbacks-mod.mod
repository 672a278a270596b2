samples/livepatch/livepatch-callbacks-mod.o
