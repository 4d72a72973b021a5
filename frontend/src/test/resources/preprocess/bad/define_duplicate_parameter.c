// error: 2:17: duplicate macro parameter "a"
#define F(a, b, a) a
