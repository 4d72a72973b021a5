/* read for <asm/barrier.h>: the tree has no arch/powerpc/include/asm/barrier.h */
#define FAKE_GENERIC_VALUE 7
