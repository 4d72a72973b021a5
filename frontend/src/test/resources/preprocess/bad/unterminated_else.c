// error: 5:2: unterminated #else
#if 0
#endif
#if 1
#else
int b;
