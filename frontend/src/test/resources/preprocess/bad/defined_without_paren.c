// error: 2:5: missing ')' after "defined"
#if defined(X
#endif
