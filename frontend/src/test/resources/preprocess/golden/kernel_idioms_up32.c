// flags: -D__KERNEL__
/* The same code configured for a 32-bit uniprocessor without statistics. */
#include "kernel_idioms.c"
