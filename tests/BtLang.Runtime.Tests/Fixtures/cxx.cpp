/*
 * C++ workload for the demangled-name uprobe tests. Usage: cxx ROUNDS.
 * Round i calls app::Comp::compute(i) (mangled _ZN3app4Comp7computeEl) and app::compute(i, 5) (_ZN3app7computeEli).
 */
#include <cstdlib>

namespace app {
struct Comp {
    __attribute__((noinline)) long compute(long x)
    {
        __asm__ volatile("" ::: "memory");
        return x * 3;
    }
};

__attribute__((noinline)) long compute(long x, int y)
{
    __asm__ volatile("" ::: "memory");
    return x + y;
}
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? std::atoi(argv[1]) : 3;
    long total = 0;
    app::Comp comp;
    for (int i = 0; i < rounds; i++) {
        total += comp.compute(i);
        total += app::compute(i, 5);
    }
    return total == 0;
}
