// error: 3:16: nowhere/missing.h: No such file or directory
int a;
#include       "nowhere/missing.h"
