// The traced workload of the driver tests. Prints "ready <pid> <address of bt_watched>", waits for a line on
// stdin, then does exactly: getpid x G, openat x O, bt_uprobe_target(i) x U with a USDT probe beside each call,
// writes to bt_watched x W; prints "done" and exits.
// Usage: bt_workload G O U W
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/sdt.h>
#include <sys/syscall.h>
#include <unistd.h>

volatile long bt_watched;

__attribute__((noinline)) int bt_uprobe_target(int value)
{
    __asm__ volatile("" ::: "memory");
    return value + 1;
}

int main(int argc, char **argv)
{
    if (argc != 5)
        return 2;
    long getpids = atol(argv[1]), opens = atol(argv[2]), calls = atol(argv[3]), writes = atol(argv[4]);
    printf("ready %d %p\n", getpid(), (void *)&bt_watched);
    fflush(stdout);
    char line[64];
    if (!fgets(line, sizeof line, stdin))
        return 3;
    for (long i = 0; i < getpids; i++)
        syscall(SYS_getpid);
    for (long i = 0; i < opens; i++) {
        int fd = open("/etc/hostname", O_RDONLY);
        if (fd >= 0)
            close(fd);
    }
    long sum = 0;
    for (long i = 0; i < calls; i++) {
        sum += bt_uprobe_target((int)i);
        DTRACE_PROBE2(bt_test, tick, i, i * 10);
    }
    for (long i = 0; i < writes; i++)
        bt_watched = i;
    printf("done %ld\n", sum);
    fflush(stdout);
    return 0;
}
