/* a fake tree for powercheck tests: not kernel code */
#include <generated/autoconf.h>
