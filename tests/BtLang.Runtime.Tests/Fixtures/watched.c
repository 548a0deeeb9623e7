/*
 * Watchpoint workload: adds to a global ROUNDS times (usage: watched ROUNDS). The global is initialized, so it lives
 * in .data, which exec maps from the file: a .bss global would also be written by the kernel (zeroing the rest of
 * the last data page during exec), and a watchpoint set before exec (-c) counts those writes too.
 */
#include <stdlib.h>

volatile long bt_data_watched = 1;

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 3;
    for (int i = 0; i < rounds; i++)
        bt_data_watched += i + 1;
    return 0;
}
