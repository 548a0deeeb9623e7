// Kernel tests share the machine's BPF state (and check that nothing of ours is left loaded): run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
