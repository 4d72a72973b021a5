// error: 2:13: operator "defined" requires an identifier
#if defined(3)
#endif
