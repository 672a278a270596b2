samples/livepatch/livepatch-shadow-fix1.o
