/* The workload of the uprobe args tests: functions whose parameters btlang reads from DWARF (built with gcc -g). */
enum color { RED, GREEN, BLUE };

__attribute__((noinline)) long bt_add(long a, long b) { return a + b; }

__attribute__((noinline)) int bt_mix(const char *s, unsigned char u, short h, enum color c, int *p, unsigned long long q)
{
    return s[0] + u + h + (int)c + *p + (int)q;
}

int main(void)
{
    char name[] = "hello dwarf";
    int v = 7;
    long sum = bt_add(40, -2);
    sum += bt_mix(name, 250, -3, BLUE, &v, 18446744073709551615ULL);
    return sum == 0;
}
