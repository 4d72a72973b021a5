// error: 4:2: #elif after #else
#if 1
#else
#elif 1
#endif
