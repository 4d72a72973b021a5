// error: 3:13: macro "F" passed 3 arguments, but takes just 2
#define F(a, b) a + b
int x = 1 + F(1, (2, 3), 4);
