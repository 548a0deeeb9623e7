/*
 * Workload for the syscall routing tests: makes known numbers of a few syscalls, with syscall() so that libc does not
 * pick another syscall (glibc's stat() is newfstatat; SYS_stat is the one tracefs calls newstat).
 * Usage: syscalls [wait]. With "wait" it blocks until a line arrives on stdin (the test sends it once the tracer is
 * attached). Then it makes, in this order:
 *   5 x stat("/")              sys_enter_newstat, sys_exit_newstat ret 0
 *   3 x stat("/nonexistent")   sys_exit_newstat ret -2 (ENOENT)
 *   4 x uname                  sys_enter_newuname, sys_exit_newuname ret 0
 *   6 x read(fd of /dev/zero, buf, 7)  sys_enter_read count 7, sys_exit_read ret 7
 *   9 x int $0x80 with eax 20  a 32-bit (compat) getpid: raw_syscalls sees id 20, which is writev on x86_64; the
 *                              syscalls:* events skip compat syscalls, so sys_enter_writev must not see them
 * and prints "compat getpid ok" when the compat calls returned its pid (IA32 emulation is on).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

static long compat_getpid(void)
{
    long result;
    __asm__ volatile("int $0x80" : "=a"(result) : "a"(20L) : "memory", "r8", "r9", "r10", "r11");
    return result;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "wait") == 0) {
        char line[16];
        if (!fgets(line, sizeof line, stdin))
            return 2;
    }

    struct stat st;
    for (int i = 0; i < 5; i++)
        syscall(SYS_stat, "/", &st);
    for (int i = 0; i < 3; i++)
        syscall(SYS_stat, "/nonexistent/btlang", &st);
    struct utsname name;
    for (int i = 0; i < 4; i++)
        syscall(SYS_uname, &name);
    int fd = open("/dev/zero", O_RDONLY);
    char buffer[8];
    for (int i = 0; i < 6; i++)
        syscall(SYS_read, fd, buffer, 7);
    int compat_ok = 1;
    for (int i = 0; i < 9; i++)
        compat_ok &= compat_getpid() == getpid();
    printf("%s\n", compat_ok ? "compat getpid ok" : "compat getpid failed");
    return 0;
}
