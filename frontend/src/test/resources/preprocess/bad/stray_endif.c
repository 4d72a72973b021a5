// error: 4:2: #endif without #if
#if 1
#endif
#endif
