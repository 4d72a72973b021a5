// error: 3:2: macro "V" requires at least 2 arguments, but only 1 given
#define V(a, b, ...) a
 V(1);
