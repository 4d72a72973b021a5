// error: 3:9: unterminated argument list invoking macro "F"
#define F(a, b) a + b
int x = F(1,
        (2, 3)
