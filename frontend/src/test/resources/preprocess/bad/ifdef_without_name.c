// error: 2:2: no macro name given in #ifdef directive
#ifdef
#endif
