// error: 2:2: #if with no expression
#if
#endif
