// error: 5:2: #else after #else
#if 0
#ifdef A
#else
#else
#endif
#endif
