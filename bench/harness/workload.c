/* Deterministic syscall load for the benchmark harness.
 * Reads commands from stdin, one a line, and answers "ok" on stdout after each:
 *   cpu K          pin this process to CPU K
 *   getppid N      N getppid() calls
 *   readahead N    N readahead(-1, i, i % 4096) calls (offset = i, count = i % 4096; fails fast with EBADF)
 *   read N         N one-byte read() calls from /dev/zero
 *   quit           exit
 * The tracer under test filters on this process's pid, so nothing else is traced. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    char line[128];
    char buf[1];
    int zero = open("/dev/zero", O_RDONLY);
    if (zero < 0) { perror("open /dev/zero"); return 1; }
    setvbuf(stdout, NULL, _IOLBF, 0);
    while (fgets(line, sizeof line, stdin)) {
        char cmd[32];
        long n = 0;
        if (sscanf(line, "%31s %ld", cmd, &n) < 1) continue;
        if (strcmp(cmd, "quit") == 0) break;
        if (strcmp(cmd, "cpu") == 0) {
            cpu_set_t set;
            CPU_ZERO(&set);
            CPU_SET((int)n, &set);
            if (sched_setaffinity(0, sizeof set, &set) != 0) { perror("sched_setaffinity"); return 1; }
        } else if (strcmp(cmd, "getppid") == 0) {
            for (long i = 0; i < n; i++) syscall(SYS_getppid);
        } else if (strcmp(cmd, "readahead") == 0) {
            for (long i = 0; i < n; i++) syscall(SYS_readahead, -1, (long)i, (long)(i % 4096));
        } else if (strcmp(cmd, "read") == 0) {
            for (long i = 0; i < n; i++) if (read(zero, buf, 1) != 1) { perror("read"); return 1; }
        } else {
            fprintf(stderr, "workload: unknown command %s\n", cmd);
            return 2;
        }
        printf("ok\n");
    }
    return 0;
}
