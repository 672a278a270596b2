samples/livepatch/livepatch-callbacks-demo.o
