// error: 5:3: invalid preprocessing directive #frobnicate
#if 0
#frobnicate ignored while skipped
#endif
# frobnicate
