// error: 2:2: #else without #if
#else
