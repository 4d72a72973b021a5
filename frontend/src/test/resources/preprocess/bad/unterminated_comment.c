// error: 2:8: unterminated comment
int a; /* never
closed
