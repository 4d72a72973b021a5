// error: 3:9: macro "F" requires 2 arguments, but only 1 given
#define F(a, b) a + b
int x = F(1);
