/*
 * Workload for the probe tests: calls a few functions with known arguments, fires USDT probes, writes a global.
 * Usage: workload ROUNDS [wait|go [LINGER_MS [ROUND_MS]]]. It prints the address of bt_watched first; with "wait" it then blocks
 * until a line arrives on stdin (the test sends it once the tracer is attached).
 * Round i calls bt_add(i, 40), bt_twice(i + 100), fires btprov:tick(i, i * 1000 + 7) and btprov:mem(-5 - i, 300 + i, 42),
 * fires btprov:gated(i) only while its semaphore is set (a tracer is attached), stores the running total in bt_watched
 * and calls getpid().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#define _SDT_HAS_SEMAPHORES 1
#include <sys/sdt.h>

/* Is-enabled semaphores (the kernel increments one while a uprobe with its ref_ctr_offset is attached). Only
 * btprov:gated checks its own; tick and mem fire always. */
__extension__ unsigned short btprov_gated_semaphore __attribute__((unused)) __attribute__((section(".probes")));
__extension__ unsigned short btprov_tick_semaphore __attribute__((unused)) __attribute__((section(".probes")));
__extension__ unsigned short btprov_mem_semaphore __attribute__((unused)) __attribute__((section(".probes")));

volatile long bt_watched = 0;
struct { int neg; short small; } bt_pair;

__attribute__((noinline)) long bt_add(long a, long b)
{
    __asm__ volatile("" ::: "memory");
    return a + b;
}

__attribute__((noinline)) long bt_twice(long a)
{
    __asm__ volatile("" ::: "memory");
    return a * 2;
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 3;
    printf("%p\n", (void *)&bt_watched);
    fflush(stdout);
    if (argc > 2 && strcmp(argv[2], "wait") == 0) {
        /* "wait": block until the test says the tracer is attached (a line on stdin). */
        char line[16];
        if (!fgets(line, sizeof line, stdin))
            return 2;
    }
    long total = 0;
    for (int i = 0; i < rounds; i++) {
        total += bt_add(i, 40);
        total += bt_twice(i + 100);
        DTRACE_PROBE2(btprov, tick, i, (long)i * 1000 + 7);
        bt_pair.neg = -5 - i;
        bt_pair.small = (short)(300 + i);
        DTRACE_PROBE3(btprov, mem, bt_pair.neg, bt_pair.small, 42);
        if (btprov_gated_semaphore)
            DTRACE_PROBE1(btprov, gated, i);
        bt_watched = total;
        getpid();
        if (argc > 4)
            usleep(atoi(argv[4]) * 1000); /* pause between rounds, so user space can act on a round's events */
    }
    if (argc > 3)
        usleep(atoi(argv[3]) * 1000); /* linger, so that user-space symbols can still be resolved from /proc */
    return total == 0;
}
