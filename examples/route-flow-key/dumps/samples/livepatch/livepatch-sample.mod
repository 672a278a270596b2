samples/livepatch/livepatch-sample.o
