// error: 2:9: missing ')' in macro parameter list
#define G(x
