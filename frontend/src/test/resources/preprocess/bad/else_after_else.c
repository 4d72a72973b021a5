// error: 4:3: #else after #else
#ifdef A
#else
# else
#endif
